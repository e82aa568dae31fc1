package io.secrethub.server.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.secrethub.core.api.AccountApi;
import io.secrethub.core.crypto.KeyCredential;
import io.secrethub.core.crypto.RecipientKeyPair;
import io.secrethub.core.signing.MessageSignatures;
import io.secrethub.server.ApiServer;
import io.secrethub.server.ServerConfig;

/** An {@link ApiServer} running in this JVM on a free port, and a client that signs requests to it. */
public final class TestServer implements AutoCloseable {
    public static final List<String> TABLES = List.of("accounts", "credentials", "repos", "repo_members", "nodes",
            "node_names", "secret_keys", "secret_key_copies", "secret_versions", "access_rules");
    /** Restricted headers HttpClient will not let us set; tests that need them say so. */
    private static final List<String> RESTRICTED = List.of("host", "content-length");

    private final ApiServer server;
    private final Path dataDir;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private TestServer(ApiServer server, Path dataDir) {
        this.server = server;
        this.dataDir = dataDir;
    }

    public static TestServer start(Path dataDir, boolean allowSignup) {
        ApiServer server = new ApiServer(new ServerConfig("127.0.0.1", 0, dataDir, null, allowSignup)).start();
        return new TestServer(server, dataDir);
    }

    public String authority() {
        return "127.0.0.1:" + server.port();
    }

    public int port() {
        return server.port();
    }

    public ApiResponse send(ApiRequest request) {
        byte[] body = request.body == null ? new byte[0] : request.body;
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://" + authority() + request.pathAndQuery))
                .method(request.method, request.body == null ? HttpRequest.BodyPublishers.noBody()
                        : request.chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        Map<String, String> headers = new LinkedHashMap<>();
        if (request.body != null && request.contentType != null) {
            headers.put("Content-Type", request.contentType);
        }
        if (request.signer != null) {
            URI uri = URI.create(request.pathAndQuery);
            headers.putAll(MessageSignatures.sign(request.method,
                    request.signedAuthority != null ? request.signedAuthority : authority(),
                    uri.getRawPath(), uri.getRawQuery(),
                    request.signedBody != null ? request.signedBody : body,
                    request.signer,
                    request.signedAt != null ? request.signedAt : Instant.now()));
        }
        request.headerOverrides.forEach((name, value) -> {
            headers.keySet().removeIf(k -> k.equalsIgnoreCase(name));
            if (value != null) {
                headers.put(name, value);
            }
        });
        headers.forEach((name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase())) {
                builder.header(name, value);
            }
        });
        try {
            HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new ApiResponse(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public ApiResponse get(TestUser user, String path) {
        return send(ApiRequest.of("GET", path).signedBy(user));
    }

    public ApiResponse post(TestUser user, String path, Object body) {
        return send(ApiRequest.of("POST", path).json(body).signedBy(user));
    }

    public ApiResponse patch(TestUser user, String path, Object body) {
        return send(ApiRequest.of("PATCH", path).json(body).signedBy(user));
    }

    public ApiResponse delete(TestUser user, String path) {
        return send(ApiRequest.of("DELETE", path).signedBy(user));
    }

    /** A sign-up request for a new user, and the user it would create. */
    public record Signup(AccountApi.SignupRequest request, TestUser user) {}

    public static Signup signupFor(String username) {
        KeyCredential credential = KeyCredential.generate();
        RecipientKeyPair accountKey = RecipientKeyPair.generate();
        UUID accountId = UUID.randomUUID();
        AccountApi.SignupRequest request = new AccountApi.SignupRequest(accountId, username, username + "@example.com",
                "Test " + username,
                new AccountApi.PublicKey(accountKey.publicKey().suite(), accountKey.publicKey().encoded()),
                new AccountApi.NewCredential("key", credential.fingerprint(), credential.verifier(), "laptop",
                        credential.sealAccountKey(accountKey, accountId)));
        return new Signup(request, new TestUser(username, accountId, accountKey, credential));
    }

    /** Signs up a user, signed by its own new credential as the server requires. */
    public ApiResponse signup(Signup signup) {
        return send(ApiRequest.of("POST", "/v1/users").json(signup.request()).signedBy(signup.user()));
    }

    public TestUser signup(String username) {
        Signup signup = signupFor(username);
        ApiResponse response = signup(signup);
        if (response.status() != 201) {
            throw new AssertionError("sign-up of " + username + " failed: " + response);
        }
        return signup.user();
    }

    /** How many rows each table holds, read straight from the database file. */
    public Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("secrethub.db"));
             Statement s = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    /** Reads one text column of the database file, for tests that look at what was stored. */
    public String databaseText() {
        StringBuilder all = new StringBuilder();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("secrethub.db"));
             Statement s = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            all.append(rs.getString(i)).append('\n');
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return all.toString();
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.close();
    }
}
