package io.secrethub.server.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.javalin.http.Context;

/**
 * One line per request: method, raw path, status and duration. The query string, headers and body
 * are left out, because they can carry signatures, digests and ciphertext.
 */
public final class RequestLog {
    private static final Logger LOG = LoggerFactory.getLogger("secrethub.requests");

    private RequestLog() {}

    public static void log(Context ctx, Float durationMs) {
        LOG.info("{} {} {} {}ms", ctx.req().getMethod(), ctx.req().getRequestURI(), ctx.statusCode(),
                Math.round(durationMs == null ? 0 : durationMs));
    }
}
