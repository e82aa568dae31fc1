package io.secrethub.server.store;

import io.secrethub.core.api.AwsApi;

/**
 * An AWS credential: bound to one IAM role (matched on {@code roleKey}: partition, account and
 * lower-cased name), to the role's unique id once known, and holding the KMS-encrypted account key.
 */
public record AwsCredentialRow(String fingerprint, String roleKey, String roleArn, String roleUniqueId, String kmsKeyArn,
                               AwsApi.KmsWrappedKey wrappedAccountKey) {}
