package io.secrethub.core.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A secret's id is derived from its blind name, so the id bound into every version's ciphertext also
 * names the secret's path. A server that answers a read of one path with another secret's row,
 * key and ciphertext is caught: the id it sends is not the one the client derives.
 */
public final class SecretIds {
    private static final byte[] DOMAIN = ("secrethub/" + Suite.V1 + "/secret-id").getBytes(StandardCharsets.UTF_8);

    private SecretIds() {}

    /** A version-8 UUID from SHA-256 of the domain and the blind name. */
    public static UUID forBlindName(String blindName) {
        byte[] name = blindName.getBytes(StandardCharsets.US_ASCII);
        byte[] input = new byte[DOMAIN.length + 1 + name.length];
        System.arraycopy(DOMAIN, 0, input, 0, DOMAIN.length);
        System.arraycopy(name, 0, input, DOMAIN.length + 1, name.length);
        byte[] hash = Fingerprints.sha256(input);
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x80);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer b = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(b.getLong(), b.getLong());
    }
}
