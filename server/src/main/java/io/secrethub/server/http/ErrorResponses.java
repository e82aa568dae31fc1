package io.secrethub.server.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.secrethub.core.api.ErrorCode;
import io.secrethub.core.api.ErrorResponse;
import io.secrethub.core.path.InvalidPathException;

/** Turns every failure into {@code {"error": {"code", "message"}}} with the code's status. */
public final class ErrorResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    private ErrorResponses() {}

    public static void register(RoutesConfig routes) {
        routes.exception(ApiException.class, (e, ctx) -> write(ctx, e.code(), e.getMessage()));
        routes.exception(InvalidPathException.class, (e, ctx) -> write(ctx, ErrorCode.INVALID_PATH, e.getMessage()));
        // Javalin's own refusals: no route (404), a body over its limit (413), and the like.
        routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, fromStatus(e.getStatus()), messageFor(e.getStatus())));
        routes.exception(Exception.class, (e, ctx) -> {
            // The exception may quote SQL or a value; it goes to the log only, never to the caller.
            LOG.error("unexpected failure in {} {}", ctx.req().getMethod(), ctx.req().getRequestURI(), e);
            write(ctx, ErrorCode.INTERNAL_ERROR, "the server failed to handle the request; the failure was logged");
        });
    }

    public static void write(Context ctx, ErrorCode code, String message) {
        Json.respond(ctx, code.status(), ErrorResponse.of(code, message));
    }

    static ErrorCode fromStatus(int status) {
        return switch (status) {
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.BODY_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 400 && status < 500 ? ErrorCode.BAD_REQUEST : ErrorCode.INTERNAL_ERROR;
        };
    }

    static String messageFor(int status) {
        return switch (status) {
            case 404 -> "no such endpoint; check the method and the path";
            case 405 -> "this endpoint does not accept that method";
            case 413 -> "the request body is larger than " + io.secrethub.core.api.Limits.MAX_REQUEST_BODY + " bytes";
            case 415 -> "the request body must be application/json";
            case 400 -> "the request is malformed; check its URI and headers";
            case 431 -> "the request headers are too large";
            default -> status >= 400 && status < 500 ? "the request could not be handled" : "the server failed to handle the request";
        };
    }
}
