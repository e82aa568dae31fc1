package io.secrethub.core.api;

import java.util.Locale;

/** The stable error codes of the API, each with its HTTP status. */
public enum ErrorCode {
    BAD_REQUEST(400),
    MALFORMED_JSON(400),
    INVALID_PATH(400),
    INVALID_ARGUMENT(400),
    VALUE_TOO_LARGE(413),
    BODY_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),

    NOT_AUTHENTICATED(401),
    INVALID_SIGNATURE(401),
    INVALID_CONTENT_DIGEST(401),
    SIGNATURE_EXPIRED(401),
    UNKNOWN_CREDENTIAL(401),
    CREDENTIAL_DISABLED(401),
    SESSION_NOT_FOUND(401),
    SESSION_EXPIRED(401),
    AWS_AUTH_FAILED(401),

    FORBIDDEN(403),
    SIGNUP_CLOSED(403),
    CANNOT_DELETE_LAST_VERSION(409),
    CANNOT_REMOVE_ROOT_DIR(400),
    CANNOT_DISABLE_CURRENT_CREDENTIAL(409),

    NOT_FOUND(404),
    NAMESPACE_NOT_FOUND(404),
    ACCOUNT_NOT_FOUND(404),
    CREDENTIAL_NOT_FOUND(404),
    REPO_NOT_FOUND(404),
    DIR_NOT_FOUND(404),
    SECRET_NOT_FOUND(404),
    VERSION_NOT_FOUND(404),
    SERVICE_NOT_FOUND(404),
    NO_SERVICE_WITH_ROLE(404),

    USERNAME_TAKEN(409),
    CREDENTIAL_ALREADY_EXISTS(409),
    REPO_ALREADY_EXISTS(409),
    DIR_ALREADY_EXISTS(409),
    SECRET_ALREADY_EXISTS(409),
    VERSION_CONFLICT(409),
    NOT_ENCRYPTED_FOR_ACCOUNTS(409),
    AWS_ROLE_TAKEN(409),
    AWS_ACCOUNT_MISMATCH(403),
    AWS_ROLE_RECREATED(403),

    METHOD_NOT_ALLOWED(405),
    AWS_STS_UNAVAILABLE(502),
    INTERNAL_ERROR(500);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The code as it appears on the wire, e.g. {@code secret_not_found}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ErrorCode fromCode(String code) {
        for (ErrorCode c : values()) {
            if (c.code().equals(code)) {
                return c;
            }
        }
        return null;
    }
}
