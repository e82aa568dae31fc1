package io.secrethub.server.store;

import java.time.Instant;
import java.util.UUID;

/** A repo with its namespace's name (the owner's username) and how many secrets it holds. */
public record RepoRow(UUID id, UUID namespaceAccountId, String namespace, String name, Instant createdAt, int secretCount) {}
