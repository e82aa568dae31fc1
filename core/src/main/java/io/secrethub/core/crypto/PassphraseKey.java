package io.secrethub.core.crypto;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Passphrase protection for a credential file: Argon2id (64 MiB, t=3, p=1 by default) derives an
 * AES-256 key, and AES-256-GCM encrypts the payload with the file header as associated data, so the
 * header's parameters cannot be changed without detection.
 */
public final class PassphraseKey {
    public static final int DEFAULT_MEMORY_KIB = 64 * 1024;
    public static final int DEFAULT_ITERATIONS = 3;
    public static final int DEFAULT_PARALLELISM = 1;
    /** Lower bounds that a file's header may not go below, so a tampered file cannot weaken the KDF. */
    public static final int MIN_MEMORY_KIB = 19 * 1024;
    public static final int MIN_ITERATIONS = 2;
    public static final int MAX_MEMORY_KIB = 1024 * 1024;
    public static final int MAX_ITERATIONS = 16;
    public static final int MAX_PARALLELISM = 8;

    private PassphraseKey() {}

    /** Thrown when a passphrase does not open a file: wrong passphrase, or an altered file. */
    public static final class WrongPassphraseException extends CryptoException {
        public WrongPassphraseException() {
            super("the passphrase is wrong (or the credential file was altered)");
        }
    }

    public static byte[] derive(char[] passphrase, byte[] salt, int memoryKib, int iterations, int parallelism) {
        if (memoryKib < MIN_MEMORY_KIB || memoryKib > MAX_MEMORY_KIB || iterations < MIN_ITERATIONS
                || iterations > MAX_ITERATIONS || parallelism < 1 || parallelism > MAX_PARALLELISM || salt.length < 16) {
            throw new CryptoException("the credential file asks for Argon2id parameters outside the accepted range");
        }
        Argon2BytesGenerator argon2 = new Argon2BytesGenerator();
        argon2.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .build());
        byte[] password = toUtf8(passphrase);
        byte[] key = new byte[32];
        try {
            argon2.generateBytes(password, key);
        } finally {
            Arrays.fill(password, (byte) 0);
        }
        return key;
    }

    public static byte[] encrypt(byte[] key, byte[] nonce, byte[] header, byte[] plaintext) {
        try {
            return cipher(Cipher.ENCRYPT_MODE, key, nonce, header).doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("could not encrypt the credential", e);
        }
    }

    public static byte[] decrypt(byte[] key, byte[] nonce, byte[] header, byte[] ciphertext) {
        try {
            return cipher(Cipher.DECRYPT_MODE, key, nonce, header).doFinal(ciphertext);
        } catch (AEADBadTagException e) {
            throw new WrongPassphraseException();
        } catch (GeneralSecurityException e) {
            throw new CryptoException("could not decrypt the credential", e);
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce, byte[] header) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(header);
        return cipher;
    }

    private static byte[] toUtf8(char[] chars) {
        var buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        Arrays.fill(buffer.array(), (byte) 0);
        return bytes;
    }
}
