package io.secrethub.core.signing;

/** Something that signs requests: a key credential (Ed25519) or a session (HMAC-SHA256). */
public interface RequestSigner {
    String keyId();

    /** {@link SignatureParams#ALG_ED25519} or {@link SignatureParams#ALG_HMAC_SHA256}. */
    String algorithm();

    byte[] sign(byte[] signatureBase);

    /**
     * The signer for one request. A signer whose key changes over time (a session that is renewed)
     * returns a fixed one here, so a request's keyid and signature always belong together.
     */
    default RequestSigner forOneRequest() {
        return this;
    }
}
