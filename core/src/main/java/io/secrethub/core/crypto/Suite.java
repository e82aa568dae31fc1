package io.secrethub.core.crypto;

/**
 * The crypto suite every key and ciphertext names on the wire, so a later suite (for example
 * hybrid X25519 + ML-KEM-768) can be added without breaking stored data.
 */
public final class Suite {
    /** X25519 HPKE (RFC 9180) with HKDF-SHA256 and AES-256-GCM, AES-256-GCM values, Ed25519 signatures. */
    public static final String V1 = "v1";

    private Suite() {}

    public static void requireV1(String suite, String what) {
        if (!V1.equals(suite)) {
            throw new CryptoException(what + " uses crypto suite '" + suite + "', but this client only knows suite " + V1);
        }
    }
}
