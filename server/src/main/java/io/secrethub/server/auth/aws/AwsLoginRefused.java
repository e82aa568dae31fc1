package io.secrethub.server.auth.aws;

import io.secrethub.core.api.ErrorCode;

/** One named check of an AWS login (or of a creation proof) said no. The message says which and why. */
public final class AwsLoginRefused extends RuntimeException {
    private final ErrorCode code;

    public AwsLoginRefused(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
