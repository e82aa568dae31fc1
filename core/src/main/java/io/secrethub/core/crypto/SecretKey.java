package io.secrethub.core.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.security.auth.Destroyable;

/**
 * A secret's own AES-256 key. Each version's value is encrypted under it with AES-256-GCM, a random
 * 96-bit nonce, and the version's {@link BindingContext} as associated data.
 */
public final class SecretKey implements Destroyable {
    public static final int LENGTH = 32;
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;
    private boolean destroyed;

    private SecretKey(byte[] key) {
        this.key = key;
    }

    public static SecretKey generate() {
        byte[] key = new byte[LENGTH];
        RANDOM.nextBytes(key);
        return new SecretKey(key);
    }

    /** Takes a copy of {@code key}. */
    public static SecretKey of(byte[] key) {
        if (key.length != LENGTH) {
            throw new CryptoException("a secret key must be 32 bytes");
        }
        return new SecretKey(key.clone());
    }

    /** The raw key, for sealing it to an account. The caller should zero the copy. */
    public byte[] bytes() {
        requireLive();
        return key.clone();
    }

    public EncryptedValue encrypt(byte[] plaintext, BindingContext context) {
        requireLive();
        byte[] nonce = new byte[NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.bytes());
            return new EncryptedValue(Suite.V1, nonce, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new CryptoException("could not encrypt a value", e);
        }
    }

    public byte[] decrypt(EncryptedValue value, BindingContext context) {
        requireLive();
        Suite.requireV1(value.suite(), "an encrypted value");
        if (value.nonce().length != NONCE_LENGTH) {
            throw new CryptoException("an encrypted value has a malformed nonce");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, value.nonce()));
            cipher.updateAAD(context.bytes());
            return cipher.doFinal(value.ciphertext());
        } catch (GeneralSecurityException e) {
            throw new CryptoException("an encrypted value could not be decrypted: it belongs elsewhere or was altered");
        }
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
        return "SecretKey[redacted]";
    }
}
