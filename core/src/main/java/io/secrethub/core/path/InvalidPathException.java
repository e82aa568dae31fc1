package io.secrethub.core.path;

/** A path or a name that breaks SecretHub's naming rules. The message says which rule. */
public final class InvalidPathException extends IllegalArgumentException {
    public InvalidPathException(String message) {
        super(message);
    }
}
