package io.secrethub.core.crypto;

import java.util.Arrays;

import javax.security.auth.Destroyable;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.hpke.HPKE;

/**
 * An X25519 key pair that opens sealed boxes: an account key, or the sealing half of a key
 * credential. {@link #toString()} never shows the private key.
 */
public final class RecipientKeyPair implements Destroyable {
    private final byte[] privateKey;
    private final RecipientPublicKey publicKey;
    private final AsymmetricCipherKeyPair pair;
    private boolean destroyed;

    private RecipientKeyPair(AsymmetricCipherKeyPair pair) {
        HPKE hpke = Hpke.suite();
        this.pair = pair;
        this.privateKey = hpke.serializePrivateKey(pair.getPrivate());
        this.publicKey = RecipientPublicKey.of(Suite.V1, hpke.serializePublicKey(pair.getPublic()));
    }

    public static RecipientKeyPair generate() {
        return new RecipientKeyPair(Hpke.suite().generatePrivateKey());
    }

    /** RFC 9180 DeriveKeyPair: the same input keying material always gives the same key pair. */
    public static RecipientKeyPair derive(byte[] ikm) {
        if (ikm.length < 32) {
            throw new CryptoException("key derivation needs at least 32 bytes of input keying material");
        }
        return new RecipientKeyPair(Hpke.suite().deriveKeyPair(ikm));
    }

    /** Restores a key pair from its 32-byte private key, for example after unsealing an account key. */
    public static RecipientKeyPair fromPrivateKey(byte[] privateKey) {
        if (privateKey.length != Hpke.PRIVATE_KEY_LENGTH) {
            throw new CryptoException("an X25519 private key must be 32 bytes");
        }
        HPKE hpke = Hpke.suite();
        var priv = new org.bouncycastle.crypto.params.X25519PrivateKeyParameters(privateKey, 0);
        return new RecipientKeyPair(hpke.deserializePrivateKey(privateKey, priv.generatePublicKey().getEncoded()));
    }

    public RecipientPublicKey publicKey() {
        return publicKey;
    }

    /** The raw private key, for sealing it to a credential. The caller should zero the copy. */
    public byte[] privateKeyBytes() {
        requireLive();
        return privateKey.clone();
    }

    public byte[] open(SealedBox box, SealPurpose purpose, BindingContext context) {
        requireLive();
        return Hpke.open(pair, purpose.info(), context.bytes(), box);
    }

    AsymmetricCipherKeyPair pair() {
        requireLive();
        return pair;
    }

    private void requireLive() {
        if (destroyed) {
            throw new IllegalStateException("this key has been destroyed");
        }
    }

    @Override
    public void destroy() {
        Arrays.fill(privateKey, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "RecipientKeyPair[public=" + publicKey + "]";
    }
}
