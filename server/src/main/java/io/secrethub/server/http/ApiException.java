package io.secrethub.server.http;

import java.util.Objects;

import io.secrethub.core.api.ErrorCode;

/**
 * A refusal with a stable error code. Its message goes to the caller as is, so it must never hold a
 * secret or a name the caller could not already see.
 */
public final class ApiException extends RuntimeException {
    private final ErrorCode code;

    public ApiException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }
}
