package io.secrethub.client.credentials;

import io.secrethub.client.http.ApiTransport;
import io.secrethub.core.api.AccountApi;
import io.secrethub.core.crypto.RecipientKeyPair;
import io.secrethub.core.signing.RequestSigner;

/**
 * What a client authenticates with and unlocks its account key with: a key file, or (with
 * {@link Credentials#useAws()}) an AWS role and KMS key. Get one from {@link Credentials}.
 */
public interface Credential {
    /** The signer for this client's requests. A credential that needs a session logs in here. */
    RequestSigner signer(ApiTransport api);

    /** Opens the account's private key from the copy the server keeps for this credential. */
    RecipientKeyPair openAccountKey(AccountApi.AccountKey accountKey);
}
