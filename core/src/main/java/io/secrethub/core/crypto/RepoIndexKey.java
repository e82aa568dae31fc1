package io.secrethub.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;

import javax.security.auth.Destroyable;

/**
 * A repo's index key. It turns a path into a blind name, the only identifier the server sees for a
 * directory or secret: {@code base64url(HMAC-SHA256(key, "secrethub/v1/blind" ‖ 0x00 ‖ path))}.
 */
public final class RepoIndexKey implements Destroyable {
    public static final int LENGTH = 32;
    /** 32 bytes in base64url without padding. */
    public static final Pattern BLIND_NAME = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final byte[] DOMAIN = ("secrethub/" + Suite.V1 + "/blind").getBytes(StandardCharsets.UTF_8);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;
    private boolean destroyed;

    private RepoIndexKey(byte[] key) {
        this.key = key;
    }

    public static RepoIndexKey generate() {
        byte[] key = new byte[LENGTH];
        RANDOM.nextBytes(key);
        return new RepoIndexKey(key);
    }

    public static RepoIndexKey of(byte[] key) {
        if (key.length != LENGTH) {
            throw new CryptoException("a repo index key must be 32 bytes");
        }
        return new RepoIndexKey(key.clone());
    }

    public byte[] bytes() {
        requireLive();
        return key.clone();
    }

    /** @param normalizedPath the path in NFC and lower case, without a version */
    public String blindName(String normalizedPath) {
        requireLive();
        byte[] path = normalizedPath.getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[DOMAIN.length + 1 + path.length];
        System.arraycopy(DOMAIN, 0, message, 0, DOMAIN.length);
        System.arraycopy(path, 0, message, DOMAIN.length + 1, path.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(HmacSha256.mac(key, message));
    }

    private void requireLive() {
        if (destroyed) {
            throw new IllegalStateException("this key has been destroyed");
        }
    }

    @Override
    public void destroy() {
        Arrays.fill(key, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "RepoIndexKey[redacted]";
    }
}
