package io.secrethub.server.store;

import java.time.Instant;
import java.util.UUID;

import io.secrethub.core.crypto.SealedBox;

/** A credential as stored. For a key credential the verifier is its Ed25519 public key. */
public record CredentialRow(String fingerprint, UUID accountId, String type, byte[] verifier, String description,
                            boolean enabled, SealedBox sealedAccountKey, Instant createdAt) {}
