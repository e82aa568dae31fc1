package io.secrethub.server.auth;

import java.util.UUID;

/** Who sent an authenticated request: the account, and the credential (or session) that signed it. */
public record Caller(UUID accountId, String accountName, String credentialFingerprint) {}
