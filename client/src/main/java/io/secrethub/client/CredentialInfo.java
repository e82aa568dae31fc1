package io.secrethub.client;

import java.time.Instant;
import java.util.Map;

/** A credential of the signed-in account. */
public record CredentialInfo(String fingerprint, String type, String description, boolean enabled, Instant createdAt,
                             Map<String, String> metadata) {}
