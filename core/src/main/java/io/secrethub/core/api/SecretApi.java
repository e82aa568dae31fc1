package io.secrethub.core.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.secrethub.core.crypto.EncryptedValue;
import io.secrethub.core.crypto.SealedBox;

/** Wire types of secrets, versions and secret keys. */
public final class SecretApi {
    private SecretApi() {}

    /**
     * {@code POST /v1/dirs/{parentBlind}/secrets}: a new secret with its first key and version 1.
     * Names and keys are sealed to the same accounts: everyone who can read the parent.
     */
    public record CreateSecretRequest(UUID secretId, String blindName, List<TreeApi.SealedForAccount> encryptedNames,
                                      UUID keyId, List<TreeApi.SealedForAccount> encryptedKeys,
                                      EncryptedValue encryptedValue) {}

    /** {@code POST /v1/secrets/{blind}/versions}: version N must be the latest plus one. */
    public record CreateVersionRequest(int version, UUID keyId, EncryptedValue encryptedValue) {}

    public record Secret(UUID secretId, UUID dirId, String blindName, SealedBox encryptedName,
                         int latestVersion, int versionCount, Instant createdAt) {}

    /**
     * A version. {@code encryptedValue} and {@code encryptedKey} are present when the value was asked
     * for; the key is sealed to the caller.
     */
    public record Version(UUID secretId, int version, UUID keyId, SealedBox encryptedKey,
                          EncryptedValue encryptedValue, Instant createdAt) {}

    /** {@code GET /v1/secrets/{blind}}: the secret and its versions without values. */
    public record SecretDetail(Secret secret, List<Version> versions) {}

    /** {@code GET /v1/secrets/{blind}/key}: the current secret key sealed to the caller. */
    public record SecretKeyCopy(UUID secretId, UUID keyId, SealedBox encryptedKey) {}
}
