package io.secrethub.client;

import io.secrethub.core.api.ErrorCode;

/**
 * Anything that went wrong talking to SecretHub: a refusal by the server (with its stable
 * {@link #code()}), a network failure, or a local problem such as a wrong passphrase. Messages are
 * written for the person running the program and never contain secret values.
 */
public class SecretHubException extends RuntimeException {
    private final String code;
    private final int status;

    public SecretHubException(String code, String message) {
        this(code, message, 0, null);
    }

    public SecretHubException(String code, String message, int status, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.status = status;
    }

    public SecretHubException(ErrorCode code, String message) {
        this(code.code(), message, code.status(), null);
    }

    /** The stable error code, e.g. {@code secret_not_found}, or a client-side code such as {@code wrong_passphrase}. */
    public String code() {
        return code;
    }

    /** The HTTP status the server answered with, or 0 when the error arose in the client. */
    public int status() {
        return status;
    }

    public boolean is(ErrorCode errorCode) {
        return errorCode.code().equals(code);
    }
}
