package io.secrethub.core.crypto;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/** Suite v1's HPKE: base mode, DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM, by BouncyCastle. */
final class Hpke {
    static final int PUBLIC_KEY_LENGTH = 32;
    static final int PRIVATE_KEY_LENGTH = 32;

    private Hpke() {}

    static HPKE suite() {
        return new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
    }

    static SealedBox seal(AsymmetricKeyParameter recipient, byte[] info, byte[] aad, byte[] plaintext) {
        try {
            HPKEContextWithEncapsulation ctx = suite().setupBaseS(recipient, info);
            byte[] ciphertext = ctx.seal(aad, plaintext);
            return new SealedBox(Suite.V1, ctx.getEncapsulation(), ciphertext);
        } catch (InvalidCipherTextException | RuntimeException e) {
            throw new CryptoException("could not seal a value", e);
        }
    }

    static byte[] open(AsymmetricCipherKeyPair recipient, byte[] info, byte[] aad, SealedBox box) {
        Suite.requireV1(box.suite(), "a sealed value");
        if (box.enc().length != PUBLIC_KEY_LENGTH) {
            throw new CryptoException("a sealed value is malformed");
        }
        try {
            return suite().setupBaseR(box.enc(), recipient, info).open(aad, box.ciphertext());
        } catch (InvalidCipherTextException | RuntimeException e) {
            throw new CryptoException("a sealed value could not be opened: it was not sealed to this key for this place, or it was altered");
        }
    }
}
