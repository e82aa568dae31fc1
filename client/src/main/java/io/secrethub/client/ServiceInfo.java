package io.secrethub.client;

import java.time.Instant;

/** A service account of a repo. For AWS service accounts {@code roleArn} and {@code kmsKeyArn} are set. */
public record ServiceInfo(String serviceId, String repo, String description, String type, String roleArn, String kmsKeyArn,
                          Instant createdAt) {}
