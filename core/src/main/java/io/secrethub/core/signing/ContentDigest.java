package io.secrethub.core.signing;

import java.security.MessageDigest;
import java.util.Base64;

import io.secrethub.core.crypto.Fingerprints;

/** The {@code Content-Digest} header of RFC 9530, with sha-256 only. */
public final class ContentDigest {
    public static final String HEADER = "Content-Digest";

    private ContentDigest() {}

    public static String of(byte[] body) {
        return "sha-256=:" + Base64.getEncoder().encodeToString(Fingerprints.sha256(body)) + ":";
    }

    /** True only if {@code header} is exactly the sha-256 digest of {@code body}; compared in constant time. */
    public static boolean matches(String header, byte[] body) {
        if (header == null) {
            return false;
        }
        return MessageDigest.isEqual(header.trim().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                of(body).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
