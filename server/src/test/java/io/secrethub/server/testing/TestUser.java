package io.secrethub.server.testing;

import java.util.UUID;

import io.secrethub.core.crypto.KeyCredential;
import io.secrethub.core.crypto.RecipientKeyPair;
import io.secrethub.core.signing.RequestSigner;
import io.secrethub.core.signing.SignatureParams;

/** A user the test signed up: its account key and the key credential that signs its requests. */
public record TestUser(String name, UUID accountId, RecipientKeyPair accountKey, KeyCredential credential) {
    public static RequestSigner signerOf(KeyCredential credential) {
        return new RequestSigner() {
            @Override
            public String keyId() {
                return credential.fingerprint();
            }

            @Override
            public String algorithm() {
                return SignatureParams.ALG_ED25519;
            }

            @Override
            public byte[] sign(byte[] signatureBase) {
                return credential.sign(signatureBase);
            }
        };
    }

    public RequestSigner signer() {
        return signerOf(credential);
    }
}
