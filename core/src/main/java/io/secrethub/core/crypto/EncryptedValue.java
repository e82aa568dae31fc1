package io.secrethub.core.crypto;

import java.util.Objects;

/**
 * A secret value encrypted with AES-256-GCM under a secret key.
 *
 * @param suite      the crypto suite, {@value Suite#V1}
 * @param nonce      the random 96-bit nonce
 * @param ciphertext the ciphertext followed by the 128-bit tag
 */
public record EncryptedValue(String suite, byte[] nonce, byte[] ciphertext) {
    public EncryptedValue {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(ciphertext, "ciphertext");
    }

    @Override
    public String toString() {
        return "EncryptedValue[suite=" + suite + ", " + ciphertext.length + " bytes]";
    }
}
