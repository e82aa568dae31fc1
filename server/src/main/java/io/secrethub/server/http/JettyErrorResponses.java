package io.secrethub.server.http;

import java.nio.ByteBuffer;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import io.secrethub.core.api.ErrorResponse;

/**
 * Errors Jetty answers before a request reaches Javalin (an undecodable URI, headers too large, …)
 * get the same JSON shape as every other error, instead of Jetty's HTML page.
 */
public final class JettyErrorResponses extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body(status)), callback);
    }

    private static byte[] body(int status) {
        // Jetty's own reason can quote the request; the caller gets a fixed message instead.
        return Json.write(ErrorResponse.of(ErrorResponses.fromStatus(status), ErrorResponses.messageFor(status)));
    }
}
