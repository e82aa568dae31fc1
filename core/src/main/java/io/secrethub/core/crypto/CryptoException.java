package io.secrethub.core.crypto;

/**
 * A failure to seal, open, sign or verify. Messages never contain key material or plaintext.
 */
public class CryptoException extends RuntimeException {
    public CryptoException(String message) {
        super(message);
    }

    public CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
