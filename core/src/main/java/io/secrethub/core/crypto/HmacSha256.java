package io.secrethub.core.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 from the JDK, with a constant-time check. */
public final class HmacSha256 {
    private HmacSha256() {}

    public static byte[] mac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("HMAC-SHA256 is not available", e);
        }
    }

    /** Compares in constant time, so a forger learns nothing from how long a refusal takes. */
    public static boolean verify(byte[] key, byte[] message, byte[] tag) {
        return MessageDigest.isEqual(mac(key, message), tag);
    }
}
