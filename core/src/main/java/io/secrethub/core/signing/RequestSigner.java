package io.secrethub.core.signing;

/** Something that signs requests: a key credential (Ed25519) or a session (HMAC-SHA256). */
public interface RequestSigner {
    String keyId();

    /** {@link SignatureParams#ALG_ED25519} or {@link SignatureParams#ALG_HMAC_SHA256}. */
    String algorithm();

    byte[] sign(byte[] signatureBase);
}
