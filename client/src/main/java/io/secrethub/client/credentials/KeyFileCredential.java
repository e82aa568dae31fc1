package io.secrethub.client.credentials;

import io.secrethub.client.SecretHubException;
import io.secrethub.client.http.ApiTransport;
import io.secrethub.core.api.AccountApi;
import io.secrethub.core.crypto.CryptoException;
import io.secrethub.core.crypto.KeyCredential;
import io.secrethub.core.crypto.RecipientKeyPair;
import io.secrethub.core.signing.RequestSigner;
import io.secrethub.core.signing.SignatureParams;

/** A key credential: signs every request with Ed25519 and opens the account key it was given. */
final class KeyFileCredential implements Credential, RequestSigner {
    private final KeyCredential key;

    KeyFileCredential(KeyCredential key) {
        this.key = key;
    }

    KeyCredential key() {
        return key;
    }

    @Override
    public RequestSigner signer(ApiTransport api) {
        return this;
    }

    @Override
    public RecipientKeyPair openAccountKey(AccountApi.AccountKey accountKey) {
        if (accountKey.sealedPrivateKey() == null) {
            throw new SecretHubException("invalid_response", "the server sent no account key for this credential");
        }
        try {
            return key.openAccountKey(accountKey.sealedPrivateKey(), accountKey.accountId());
        } catch (CryptoException e) {
            throw new SecretHubException("account_key_mismatch",
                    "the account key the server sent cannot be opened with this credential: " + e.getMessage());
        }
    }

    @Override
    public String keyId() {
        return key.fingerprint();
    }

    @Override
    public String algorithm() {
        return SignatureParams.ALG_ED25519;
    }

    @Override
    public byte[] sign(byte[] signatureBase) {
        return key.sign(signatureBase);
    }

    @Override
    public String toString() {
        return "KeyCredential[" + key.fingerprint() + "]";
    }
}
