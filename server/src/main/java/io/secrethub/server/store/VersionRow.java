package io.secrethub.server.store;

import java.time.Instant;
import java.util.UUID;

import io.secrethub.core.crypto.EncryptedValue;

/** A secret version; {@code encryptedValue} is null when the value was not loaded. */
public record VersionRow(UUID secretId, int version, UUID keyId, EncryptedValue encryptedValue, Instant createdAt) {}
