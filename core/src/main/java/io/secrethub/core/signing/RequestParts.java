package io.secrethub.core.signing;

import java.util.Locale;
import java.util.Objects;

/**
 * The parts of an HTTP request that a signature covers.
 *
 * @param method        upper-case method
 * @param authority     host[:port] as sent in the Host header
 * @param path          the raw (still percent-encoded) path
 * @param query         the raw query without '?', or null when there is none
 * @param contentDigest the Content-Digest header, or null when the request has no body
 */
public record RequestParts(String method, String authority, String path, String query, String contentDigest) {
    public RequestParts {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(path, "path");
        method = method.toUpperCase(Locale.ROOT);
        authority = authority.toLowerCase(Locale.ROOT);
    }

    public boolean hasBody() {
        return contentDigest != null;
    }
}
