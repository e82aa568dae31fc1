package io.secrethub.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.security.auth.Destroyable;

/**
 * A key credential: one 32-byte random seed from which HKDF-SHA256 derives an Ed25519 key, which
 * signs requests, and an X25519 key, which opens the account key sealed to this credential.
 * The verifier the server keeps is the Ed25519 public key.
 */
public final class KeyCredential implements Destroyable {
    public static final String TYPE = "key";
    public static final int SEED_LENGTH = 32;
    private static final byte[] SIGNING_INFO = ("secrethub/" + Suite.V1 + "/credential/ed25519").getBytes(StandardCharsets.UTF_8);
    private static final byte[] SEALING_INFO = ("secrethub/" + Suite.V1 + "/credential/x25519").getBytes(StandardCharsets.UTF_8);

    private final byte[] seed;
    private final byte[] signingKey;
    private final byte[] verifier;
    private final RecipientKeyPair sealingKey;
    private final String fingerprint;
    private boolean destroyed;

    private KeyCredential(byte[] seed) {
        this.seed = seed;
        this.signingKey = Hkdf.sha256(seed, new byte[0], SIGNING_INFO, 32);
        this.verifier = Ed25519.publicKey(signingKey);
        byte[] sealingIkm = Hkdf.sha256(seed, new byte[0], SEALING_INFO, 32);
        this.sealingKey = RecipientKeyPair.derive(sealingIkm);
        Arrays.fill(sealingIkm, (byte) 0);
        this.fingerprint = Fingerprints.of(TYPE, verifier);
    }

    public static KeyCredential generate() {
        byte[] seed = new byte[SEED_LENGTH];
        new SecureRandom().nextBytes(seed);
        return new KeyCredential(seed);
    }

    /** Takes a copy of {@code seed}. */
    public static KeyCredential fromSeed(byte[] seed) {
        if (seed.length != SEED_LENGTH) {
            throw new CryptoException("a key credential is 32 bytes, not " + seed.length);
        }
        return new KeyCredential(seed.clone());
    }

    /** The seed, for writing the credential file. The caller should zero the copy. */
    public byte[] seed() {
        requireLive();
        return seed.clone();
    }

    public String fingerprint() {
        return fingerprint;
    }

    /** The Ed25519 public key. */
    public byte[] verifier() {
        return verifier.clone();
    }

    public RecipientPublicKey sealingPublicKey() {
        return sealingKey.publicKey();
    }

    public byte[] sign(byte[] message) {
        requireLive();
        return Ed25519.sign(signingKey, message);
    }

    /** Opens this credential's copy of its account's private key. */
    public RecipientKeyPair openAccountKey(SealedBox sealedAccountKey, java.util.UUID accountId) {
        requireLive();
        byte[] privateKey = sealingKey.open(sealedAccountKey, SealPurpose.ACCOUNT_KEY, BindingContext.accountKey(accountId, fingerprint));
        try {
            return RecipientKeyPair.fromPrivateKey(privateKey);
        } finally {
            Arrays.fill(privateKey, (byte) 0);
        }
    }

    /** Seals an account's private key to this credential. */
    public SealedBox sealAccountKey(RecipientKeyPair accountKey, java.util.UUID accountId) {
        byte[] privateKey = accountKey.privateKeyBytes();
        try {
            return sealingKey.publicKey().seal(privateKey, SealPurpose.ACCOUNT_KEY, BindingContext.accountKey(accountId, fingerprint));
        } finally {
            Arrays.fill(privateKey, (byte) 0);
        }
    }

    private void requireLive() {
        if (destroyed) {
            throw new IllegalStateException("this credential has been destroyed");
        }
    }

    @Override
    public void destroy() {
        Arrays.fill(seed, (byte) 0);
        Arrays.fill(signingKey, (byte) 0);
        sealingKey.destroy();
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "KeyCredential[fingerprint=" + fingerprint + "]";
    }
}
