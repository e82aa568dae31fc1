package io.secrethub.server.auth;

/**
 * Verifies a request signed with {@code hmac-sha256} by a session (the {@code keyid} is the session
 * id). Returns the caller, or throws an {@code ApiException} with {@code session_not_found},
 * {@code session_expired} or {@code invalid_signature}.
 */
public interface SessionVerifier {
    Caller verify(SignedRequest request);
}
