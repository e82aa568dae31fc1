package io.secrethub.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;

import io.secrethub.server.http.Json;

/** A response as the test received it. */
public record ApiResponse(int status, String contentType, byte[] body) {
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public JsonNode json() {
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text(), e);
        }
    }

    public <T> T as(Class<T> type) {
        try {
            return Json.mapper().readValue(body, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + type.getSimpleName() + " from " + text(), e);
        }
    }

    /** The error code of an error response, or null. */
    public String errorCode() {
        JsonNode code = json().path("error").path("code");
        return code.isTextual() ? code.asText() : null;
    }

    @Override
    public String toString() {
        return status + " " + text();
    }
}
