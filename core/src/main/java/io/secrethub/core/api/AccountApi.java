package io.secrethub.core.api;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.secrethub.core.crypto.SealedBox;

/** Wire types of accounts, credentials and sign-up. */
public final class AccountApi {
    private AccountApi() {}

    /** An account's X25519 public key with its suite. */
    public record PublicKey(String suite, byte[] key) {}

    /**
     * {@code POST /v1/users}: a user account and its first key credential. The request is signed by
     * that credential, which proves possession of it.
     */
    public record SignupRequest(UUID accountId, String username, String email, String fullName,
                                PublicKey publicKey, NewCredential credential) {}

    /** A credential to add, with the account key sealed to it. */
    public record NewCredential(String type, String fingerprint, byte[] verifier, String description,
                                SealedBox sealedAccountKey) {}

    public record Account(UUID accountId, String name, String accountType, PublicKey publicKey,
                          String email, String fullName, Instant createdAt) {}

    public record Credential(String fingerprint, String type, String description, boolean enabled,
                             Instant createdAt, Map<String, String> metadata) {}

    /**
     * {@code GET /v1/me/key}: the account key for the credential that signed the request: sealed to a
     * key credential, or encrypted with the customer's KMS key for an AWS credential.
     */
    public record AccountKey(UUID accountId, String accountName, PublicKey publicKey, String credentialFingerprint,
                             SealedBox sealedPrivateKey, AwsApi.KmsWrappedKey kmsWrappedPrivateKey) {}

    /** {@code PATCH /v1/me/credentials/{fingerprint}}. */
    public record UpdateCredentialRequest(Boolean enabled) {}

    /** An account that must be able to read something: its id and public key. */
    public record AccountPublicKey(UUID accountId, String name, PublicKey publicKey) {}
}
