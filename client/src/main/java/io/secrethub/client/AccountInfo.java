package io.secrethub.client;

import java.time.Instant;
import java.util.UUID;

/** The signed-in account. */
public record AccountInfo(UUID accountId, String name, String accountType, String email, String fullName, Instant createdAt) {}
