package io.secrethub.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The credential endpoints AWS workloads get their role credentials from, served on loopback with
 * credentials of a role assumed in moto: the ECS container-credentials endpoint and the EC2 instance
 * metadata service (IMDSv2, token first).
 */
final class FakeCredentialEndpoints implements AutoCloseable {
    private static final String IMDS_TOKEN = "imds-session-token-for-tests";
    private final HttpServer server;
    private final String roleName;
    private final RoleCredentials credentials;

    record RoleCredentials(String accessKeyId, String secretAccessKey, String sessionToken) {}

    FakeCredentialEndpoints(String roleName, RoleCredentials credentials) throws IOException {
        this.roleName = roleName;
        this.credentials = credentials;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ecs/credentials", this::ecs);
        server.createContext("/latest/api/token", this::imdsToken);
        server.createContext("/latest/meta-data/iam/security-credentials/", this::imdsCredentials);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private String credentialsJson(boolean imds) {
        String expiration = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        return "{" + (imds ? "\"Code\":\"Success\",\"Type\":\"AWS-HMAC\",\"LastUpdated\":\"" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\"," : "")
                + "\"AccessKeyId\":\"" + credentials.accessKeyId() + "\",\"SecretAccessKey\":\"" + credentials.secretAccessKey()
                + "\",\"Token\":\"" + credentials.sessionToken() + "\",\"Expiration\":\"" + expiration + "\"}";
    }

    private void ecs(HttpExchange exchange) throws IOException {
        respond(exchange, 200, credentialsJson(false), "application/json");
    }

    private void imdsToken(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("PUT") || exchange.getRequestHeaders().getFirst("X-aws-ec2-metadata-token-ttl-seconds") == null) {
            respond(exchange, 400, "token requests are PUT with a TTL header", "text/plain");
            return;
        }
        respond(exchange, 200, IMDS_TOKEN, "text/plain");
    }

    private void imdsCredentials(HttpExchange exchange) throws IOException {
        // IMDSv2 only: without the session token the instance metadata service answers 401.
        if (!IMDS_TOKEN.equals(exchange.getRequestHeaders().getFirst("X-aws-ec2-metadata-token"))) {
            respond(exchange, 401, "", "text/plain");
            return;
        }
        String path = exchange.getRequestURI().getPath();
        if (path.endsWith("/security-credentials/")) {
            respond(exchange, 200, roleName, "text/plain");
        } else if (path.endsWith("/security-credentials/" + roleName)) {
            respond(exchange, 200, credentialsJson(true), "text/plain");
        } else {
            respond(exchange, 404, "", "text/plain");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body, String contentType) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
