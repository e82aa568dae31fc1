package io.secrethub.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A credential's fingerprint: lower-case hex of
 * {@code SHA-256("credential_type=<type>;verifier=<base64 raw std of verifier>")}, as SecretHub computed it
 * for every credential type but RSA keys. The server recomputes it and refuses a mismatch.
 */
public final class Fingerprints {
    public static final Pattern FORMAT = Pattern.compile("[0-9a-f]{64}");

    private Fingerprints() {}

    public static String of(String credentialType, byte[] verifier) {
        String text = "credential_type=" + credentialType + ";verifier="
                + Base64.getEncoder().withoutPadding().encodeToString(verifier);
        return Hex.encode(sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new CryptoException("SHA-256 is not available", e);
        }
    }
}
