package io.secrethub.core.api;

/** {@code {"error": {"code": "...", "message": "..."}}}. */
public record ErrorResponse(Body error) {
    public record Body(String code, String message) {}

    public static ErrorResponse of(ErrorCode code, String message) {
        return new ErrorResponse(new Body(code.code(), message));
    }
}
