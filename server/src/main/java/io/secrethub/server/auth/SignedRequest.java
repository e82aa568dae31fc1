package io.secrethub.server.auth;

import io.secrethub.core.signing.RequestParts;
import io.secrethub.core.signing.SignatureBase;
import io.secrethub.core.signing.SignatureParams;

/**
 * A request whose signature envelope checked out (well formed, right components, fresh, body digest
 * matching) but whose signature has not been verified against a key yet.
 */
public record SignedRequest(SignatureParams params, byte[] signature, RequestParts parts) {
    /** The bytes the signature must verify over (RFC 9421 §2.5). */
    public byte[] signatureBase() {
        return SignatureBase.build(params, parts);
    }
}
