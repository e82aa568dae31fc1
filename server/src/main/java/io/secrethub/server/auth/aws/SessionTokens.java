package io.secrethub.server.auth.aws;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.secrethub.core.crypto.Hkdf;

/**
 * HMAC sessions that need no storage. A session id names its credential and expiry; its key is
 * HKDF(server secret, session id). Any node with the secret can re-derive the key, and changing any
 * part of the id changes the key, so a forged or extended id cannot sign.
 */
public final class SessionTokens {
    private static final Pattern ID = Pattern.compile("s1\\.([0-9a-f]{64})\\.([0-9]{10})\\.([A-Za-z0-9_-]{22})");
    private static final byte[] INFO = "secrethub/v1/session-key".getBytes(StandardCharsets.UTF_8);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] serverSecret;

    public SessionTokens(byte[] serverSecret) {
        if (serverSecret.length < 32) {
            throw new IllegalArgumentException("the session secret must be at least 32 bytes");
        }
        this.serverSecret = serverSecret.clone();
    }

    public record Minted(String sessionId, byte[] sessionKey, Instant expiresAt) {}

    public record Parsed(String credentialFingerprint, Instant expiresAt) {}

    public Minted mint(String credentialFingerprint, Instant expiresAt) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String id = "s1." + credentialFingerprint + "." + String.format("%010d", expiresAt.getEpochSecond()) + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        return new Minted(id, key(id), Instant.ofEpochSecond(expiresAt.getEpochSecond()));
    }

    public static Optional<Parsed> parse(String sessionId) {
        Matcher m = ID.matcher(sessionId);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(m.group(1), Instant.ofEpochSecond(Long.parseLong(m.group(2)))));
    }

    public byte[] key(String sessionId) {
        return Hkdf.sha256(serverSecret, new byte[0], concat(INFO, sessionId.getBytes(StandardCharsets.US_ASCII)), 32);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + 1 + b.length);
        System.arraycopy(b, 0, out, a.length + 1, b.length);
        return out;
    }
}
