package io.secrethub.server.store;

import java.time.Instant;
import java.util.UUID;

/** An account as stored. {@code email} and {@code fullName} are null for service accounts. */
public record AccountRow(UUID id, String name, String accountType, String publicKeySuite, byte[] publicKey,
                         String email, String fullName, Instant createdAt) {
    public static final String USER = "user";
    public static final String SERVICE = "service";
}
