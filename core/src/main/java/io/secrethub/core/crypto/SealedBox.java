package io.secrethub.core.crypto;

import java.util.Objects;

/**
 * A small value (a key or a name) sealed to one recipient with HPKE base mode (RFC 9180).
 *
 * @param suite      the crypto suite, {@value Suite#V1}
 * @param enc        HPKE's encapsulated key
 * @param ciphertext the AEAD ciphertext with its tag
 */
public record SealedBox(String suite, byte[] enc, byte[] ciphertext) {
    public SealedBox {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(enc, "enc");
        Objects.requireNonNull(ciphertext, "ciphertext");
    }

    @Override
    public String toString() {
        return "SealedBox[suite=" + suite + ", " + ciphertext.length + " bytes]";
    }
}
