package io.secrethub.core.signing;

/** A request signature that is missing or does not follow this API's profile of RFC 9421. */
public final class SignatureFormatException extends RuntimeException {
    public SignatureFormatException(String message) {
        super(message);
    }
}
