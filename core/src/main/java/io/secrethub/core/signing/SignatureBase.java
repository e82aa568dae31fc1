package io.secrethub.core.signing;

import java.nio.charset.StandardCharsets;

/** Builds the signature base of RFC 9421 §2.5 for the components this API signs. */
public final class SignatureBase {
    private SignatureBase() {}

    public static byte[] build(SignatureParams params, RequestParts request) {
        StringBuilder b = new StringBuilder();
        for (String component : params.components()) {
            b.append('"').append(component).append("\": ").append(value(component, request)).append('\n');
        }
        b.append("\"@signature-params\": ").append(params.serialize());
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String value(String component, RequestParts request) {
        return switch (component) {
            case "@method" -> request.method();
            case "@authority" -> request.authority();
            case "@path" -> request.path();
            // RFC 9421 §2.2.7: an absent query is the string "?".
            case "@query" -> "?" + (request.query() == null ? "" : request.query());
            case "content-digest" -> {
                if (request.contentDigest() == null) {
                    throw new SignatureFormatException("content-digest is covered but the request has no Content-Digest header");
                }
                yield request.contentDigest().trim();
            }
            default -> throw new SignatureFormatException("the component " + component + " is not one this API signs");
        };
    }
}
