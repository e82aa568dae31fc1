package io.secrethub.server.store;

import java.time.Instant;
import java.util.UUID;

/** A service account of a repo, with its AWS credential when it has one. */
public record ServiceRow(String serviceId, UUID accountId, UUID repoId, String description, UUID createdBy, Instant createdAt,
                         AwsCredentialRow aws) {}
