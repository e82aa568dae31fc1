package io.secrethub.server.testing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.secrethub.core.signing.RequestSigner;

/**
 * A request to build, sign and send, with knobs to break it: every header can be replaced or
 * removed after signing, and the signature can be made at another time or for another authority.
 */
public final class ApiRequest {
    final String method;
    final String pathAndQuery;
    byte[] body;
    String contentType = "application/json";
    boolean chunked;
    RequestSigner signer;
    Instant signedAt;
    String signedAuthority;
    byte[] signedBody;
    final Map<String, String> headerOverrides = new LinkedHashMap<>();

    private ApiRequest(String method, String pathAndQuery) {
        this.method = method;
        this.pathAndQuery = pathAndQuery;
    }

    public static ApiRequest of(String method, String pathAndQuery) {
        return new ApiRequest(method, pathAndQuery);
    }

    public ApiRequest body(byte[] body) {
        this.body = body;
        return this;
    }

    public ApiRequest json(Object value) {
        return body(io.secrethub.server.http.Json.write(value));
    }

    /** Sends the body without a Content-Length, in chunks. */
    public ApiRequest chunked() {
        this.chunked = true;
        return this;
    }

    public ApiRequest contentType(String contentType) {
        this.contentType = contentType;
        return this;
    }

    public ApiRequest signedBy(RequestSigner signer) {
        this.signer = signer;
        return this;
    }

    public ApiRequest signedBy(TestUser user) {
        return signedBy(user.signer());
    }

    public ApiRequest signedAt(Instant instant) {
        this.signedAt = instant;
        return this;
    }

    /** Signs for this authority instead of the one the request goes to. */
    public ApiRequest signedFor(String authority) {
        this.signedAuthority = authority;
        return this;
    }

    /** Signs these bytes (and their digest) but sends {@link #body}. */
    public ApiRequest signedBody(byte[] bytes) {
        this.signedBody = bytes;
        return this;
    }

    /** Replaces a header after signing; a null value removes it. */
    public ApiRequest header(String name, String value) {
        headerOverrides.put(name, value);
        return this;
    }
}
