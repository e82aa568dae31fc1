package io.secrethub.client.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import io.secrethub.client.SecretHubException;
import io.secrethub.core.signing.MessageSignatures;
import io.secrethub.core.signing.RequestSigner;

/**
 * JSON over HTTP to the SecretHub API with {@code java.net.http}. Every request is signed with
 * HTTP Message Signatures (RFC 9421) by the given {@link RequestSigner}.
 */
public final class ApiTransport implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String USER_AGENT = "secrethub-java/" + ApiTransport.class.getPackage().getImplementationVersion();

    private final URI remote;
    private final HttpClient http;
    private final Clock clock;

    public ApiTransport(URI remote, Clock clock) {
        this.remote = normalize(remote);
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private static URI normalize(URI remote) {
        if (remote.getScheme() == null || !(remote.getScheme().equals("http") || remote.getScheme().equals("https"))
                || remote.getHost() == null) {
            throw new SecretHubException("invalid_api_remote",
                    "the API remote '" + remote + "' must be an http:// or https:// URL, e.g. https://secrethub.example.com");
        }
        String s = remote.toString();
        return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }

    public URI remote() {
        return remote;
    }

    /** Sends a request and maps the JSON answer to {@code responseType}; errors become {@link SecretHubException}. */
    public <T> T call(String method, String path, Object body, RequestSigner signer, JavaType responseType) {
        JsonNode node = call(method, path, body, signer);
        try {
            return Json.MAPPER.treeToValue(node, responseType);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new SecretHubException("invalid_response", "the server at " + remote + " sent an answer this client cannot read");
        }
    }

    public <T> T call(String method, String path, Object body, RequestSigner signer, Class<T> responseType) {
        return call(method, path, body, signer, Json.MAPPER.constructType(responseType));
    }

    public JsonNode call(String method, String path, Object body, RequestSigner signer) {
        URI uri = URI.create(remote + path);
        byte[] bytes = null;
        if (body != null) {
            try {
                bytes = Json.MAPPER.writeValueAsBytes(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot encode a request", e);
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .method(method, bytes == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (bytes != null) {
            request.header("Content-Type", "application/json");
        }
        if (signer != null) {
            Map<String, String> headers = MessageSignatures.sign(method, authority(uri), uri.getRawPath(), uri.getRawQuery(),
                    bytes, signer, clock.instant());
            headers.forEach(request::header);
        }
        HttpResponse<byte[]> response = send(request.build());
        return parse(response);
    }

    /** The Host header java.net.http sends: the port only when the URL names one. */
    private static String authority(URI uri) {
        return uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException e) {
            throw new SecretHubException("server_unreachable", "could not connect to the SecretHub server at " + remote
                    + ". Check that it is running and that SECRETHUB_API_REMOTE (--api-remote) points at it.", 0, e);
        } catch (HttpTimeoutException e) {
            throw new SecretHubException("server_timeout", "the SecretHub server at " + remote + " did not answer in time", 0, e);
        } catch (IOException e) {
            throw new SecretHubException("server_unreachable", "could not talk to the SecretHub server at " + remote + ": " + e.getMessage(), 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SecretHubException("interrupted", "interrupted while waiting for the SecretHub server", 0, e);
        }
    }

    private JsonNode parse(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        JsonNode node = null;
        boolean json = response.headers().firstValue("Content-Type").map(t -> t.startsWith("application/json")).orElse(false);
        if (json && response.body().length > 0) {
            try {
                node = Json.MAPPER.readTree(response.body());
            } catch (IOException e) {
                node = null;
            }
        }
        if (status >= 200 && status < 300) {
            if (node == null) {
                throw new SecretHubException("invalid_response", "the server at " + remote + " did not answer with JSON (HTTP " + status + ")");
            }
            return node;
        }
        JsonNode error = node == null ? null : node.get("error");
        if (error != null && error.hasNonNull("code")) {
            String message = error.hasNonNull("message") ? error.get("message").asText() : error.get("code").asText();
            throw new SecretHubException(error.get("code").asText(), message, status, null);
        }
        throw new SecretHubException("http_" + status, "the server at " + remote + " answered HTTP " + status
                + " without an error description; is " + remote + " a SecretHub server?", status, null);
    }

    @Override
    public void close() {
        http.close();
    }
}
