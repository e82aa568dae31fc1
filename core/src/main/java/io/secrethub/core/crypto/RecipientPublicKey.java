package io.secrethub.core.crypto;

import java.util.Arrays;
import java.util.Objects;

import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/** An X25519 public key that small values can be sealed to. */
public final class RecipientPublicKey {
    private final byte[] encoded;
    private final AsymmetricKeyParameter parameter;

    private RecipientPublicKey(byte[] encoded) {
        this.encoded = encoded.clone();
        try {
            this.parameter = Hpke.suite().deserializePublicKey(this.encoded);
        } catch (RuntimeException e) {
            throw new CryptoException("not a valid X25519 public key");
        }
    }

    /** @param suite must be {@value Suite#V1} */
    public static RecipientPublicKey of(String suite, byte[] encoded) {
        Suite.requireV1(suite, "a public key");
        Objects.requireNonNull(encoded, "encoded");
        if (encoded.length != Hpke.PUBLIC_KEY_LENGTH) {
            throw new CryptoException("an X25519 public key must be 32 bytes, not " + encoded.length);
        }
        return new RecipientPublicKey(encoded);
    }

    public String suite() {
        return Suite.V1;
    }

    public byte[] encoded() {
        return encoded.clone();
    }

    /** Seals {@code plaintext} so only the holder of the matching private key can open it, and only for {@code context}. */
    public SealedBox seal(byte[] plaintext, SealPurpose purpose, BindingContext context) {
        return Hpke.seal(parameter, purpose.info(), context.bytes(), plaintext);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecipientPublicKey other && Arrays.equals(encoded, other.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "RecipientPublicKey[" + Hex.encode(encoded).substring(0, 16) + "…]";
    }
}
