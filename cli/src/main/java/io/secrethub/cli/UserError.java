package io.secrethub.cli;

/** A mistake in how the command was used, reported as is. */
public final class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }
}
