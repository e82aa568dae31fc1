package io.secrethub.server.auth;

import io.secrethub.core.api.ErrorCode;
import io.secrethub.server.http.ApiException;

/** Until a server issues sessions, no session exists. */
public final class NoSessionVerifier implements SessionVerifier {
    @Override
    public Caller verify(SignedRequest request) {
        throw new ApiException(ErrorCode.SESSION_NOT_FOUND,
                "this server has no session with that id; log in again or sign with a key credential");
    }
}
