package io.secrethub.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.secrethub.core.api.ErrorCode;
import io.secrethub.core.api.Limits;

/**
 * Reads the request body exactly once, after refusing bodies that are too large or not JSON, and
 * keeps it for the authenticator (which hashes it) and the route (which parses it).
 */
public final class RequestBody {
    private static final String ATTRIBUTE = "secrethub.body";
    private static final Set<String> METHODS_WITH_BODY = Set.of("POST", "PUT", "PATCH");
    /**
     * A body somewhat over the limit is read and dropped before answering 413: a client still
     * sending when the server closes the connection would see a reset instead of the answer.
     * Anything bigger is cut off.
     */
    private static final long DRAIN_LIMIT = 8L * Limits.MAX_REQUEST_BODY;

    private RequestBody() {}

    /** A before handler. */
    public static void read(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > Limits.MAX_REQUEST_BODY) {
            throw tooLarge(ctx);
        }
        if (METHODS_WITH_BODY.contains(ctx.req().getMethod()) && !isJson(ctx.header("Content-Type"))) {
            throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "the request body must be sent with Content-Type: application/json");
        }
        byte[] body;
        try {
            // Javalin enforces config.http.maxRequestSize while reading, which covers chunked bodies.
            body = ctx.bodyAsBytes();
        } catch (HttpResponseException e) {
            if (e.getStatus() == 413) {
                throw tooLarge(ctx);
            }
            throw e;
        }
        ctx.attribute(ATTRIBUTE, body);
    }

    /** The body read by {@link #read}; empty when there was none. */
    public static byte[] of(Context ctx) {
        byte[] body = ctx.attribute(ATTRIBUTE);
        return body == null ? new byte[0] : body;
    }

    private static ApiException tooLarge(Context ctx) {
        drain(ctx);
        return new ApiException(ErrorCode.BODY_TOO_LARGE,
                "the request body is larger than " + Limits.MAX_REQUEST_BODY + " bytes");
    }

    private static void drain(Context ctx) {
        if (ctx.req().getContentLengthLong() > DRAIN_LIMIT) {
            return;
        }
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (InputStream in = ctx.req().getInputStream()) {
            for (int n = in.read(buffer); n >= 0 && total <= DRAIN_LIMIT; n = in.read(buffer)) {
                total += n;
            }
        } catch (IOException e) {
            // The client went away; there is nobody left to answer.
        }
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return mediaType.toLowerCase(Locale.ROOT).equals("application/json");
    }
}
