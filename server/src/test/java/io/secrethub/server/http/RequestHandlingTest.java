package io.secrethub.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.secrethub.core.api.Limits;
import io.secrethub.server.testing.ApiRequest;
import io.secrethub.server.testing.ApiResponse;
import io.secrethub.server.testing.ClientSide;
import io.secrethub.server.testing.TestServer;
import io.secrethub.server.testing.TestUser;

class RequestHandlingTest {
    @TempDir
    static Path dataDir;
    static TestServer server;
    static TestUser alice;
    static ClientSide.RepoKeys repo;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir, true);
        alice = server.signup("alice");
        ClientSide.NewRepo newRepo = ClientSide.newRepo(alice, "app");
        assertThat(server.post(alice, "/v1/namespaces/alice/repos", newRepo.request()).status()).isEqualTo(201);
        repo = newRepo.keys();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ApiResponse postRaw(String path, String json) {
        return server.send(ApiRequest.of("POST", path).body(TestServer.utf8(json)).signedBy(alice));
    }

    private static void assertError(ApiResponse response, int status, String code) {
        assertThat(response.errorCode()).as(response.toString()).isEqualTo(code);
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.json().path("error").path("message").asText()).isNotBlank();
    }

    @Test
    void malformedJsonIsRefused() {
        Map<String, Long> before = server.rowCounts();
        ApiResponse response = postRaw("/v1/dirs", "{\"dir_id\": ");
        assertError(response, 400, "malformed_json");
        assertError(postRaw("/v1/dirs", "[]"), 400, "malformed_json");
        assertError(postRaw("/v1/dirs", "{} {}"), 400, "malformed_json");
        assertError(postRaw("/v1/dirs", "{\"dir_id\":\"3f1c\",\"dir_id\":\"x\"}"), 400, "malformed_json");
        assertThat(server.rowCounts()).isEqualTo(before);
    }

    @Test
    void anUnknownFieldIsRefusedWithoutEchoingValues() {
        ApiResponse response = postRaw("/v1/dirs", "{\"surprise\": \"hunter2\"}");
        assertError(response, 400, "malformed_json");
        assertThat(response.text()).contains("surprise").doesNotContain("hunter2");
    }

    @Test
    void aWrongTypeOrMissingFieldIsMalformed() {
        ApiResponse wrongType = postRaw("/v1/dirs", "{\"dir_id\": \"not-a-uuid-hunter2\"}");
        assertError(wrongType, 400, "malformed_json");
        assertThat(wrongType.text()).contains("dir_id").doesNotContain("hunter2");

        assertError(postRaw("/v1/dirs", "{}"), 400, "malformed_json");

        // A missing number is refused, not read as 0.
        String secretPath = "/v1/secrets/" + repo.rootBlind() + "/versions";
        ApiResponse missingVersion = postRaw(secretPath, "{\"key_id\": \"3f1c3a70-0000-4000-8000-000000000000\"}");
        assertError(missingVersion, 400, "malformed_json");
        assertThat(missingVersion.text()).contains("'version' is missing");
        assertError(postRaw(secretPath, "{\"version\": \"2\"}"), 400, "malformed_json");
        assertError(postRaw(secretPath, "{\"version\": 2.5}"), 400, "malformed_json");
    }

    @Test
    void anOversizedBodyIs413WithJson() {
        Map<String, Long> before = server.rowCounts();
        for (int size : new int[] {Limits.MAX_REQUEST_BODY + 1, 3 * Limits.MAX_REQUEST_BODY}) {
            byte[] big = new byte[size];
            java.util.Arrays.fill(big, (byte) ' ');
            for (int attempt = 0; attempt < 3; attempt++) {
                assertError(server.send(ApiRequest.of("POST", "/v1/dirs").body(big).signedBy(alice)), 413, "body_too_large");
                // Without a Content-Length the limit is enforced while reading.
                assertError(server.send(ApiRequest.of("POST", "/v1/dirs").body(big).chunked().signedBy(alice)),
                        413, "body_too_large");
            }
        }
        assertThat(server.rowCounts()).isEqualTo(before);
    }

    @Test
    void errorsJettyAnswersItselfAreJsonToo() throws Exception {
        // java.net.http refuses to send an undecodable URI, so this one goes over a plain socket.
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(TestServer.utf8(
                    "GET /v1/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 400").contains("Content-Type: application/json")
                    .endsWith("{\"error\":{\"code\":\"bad_request\",\"message\":\"the request is malformed; check its URI and headers\"}}");
        }
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        ApiResponse response = server.send(ApiRequest.of("POST", "/v1/dirs").body(TestServer.utf8("{}"))
                .contentType("text/plain").signedBy(alice));
        assertError(response, 415, "unsupported_media_type");
        ApiResponse none = server.send(ApiRequest.of("POST", "/v1/dirs").body(TestServer.utf8("{}"))
                .contentType(null).signedBy(alice));
        assertError(none, 415, "unsupported_media_type");
        ApiResponse withCharset = server.send(ApiRequest.of("POST", "/v1/dirs").body(TestServer.utf8("{}"))
                .contentType("application/json; charset=utf-8").signedBy(alice));
        assertError(withCharset, 400, "malformed_json");
    }

    @Test
    void anUnknownRouteIs404Json() {
        assertError(server.get(alice, "/v1/nothing-here"), 404, "not_found");
        assertError(server.send(ApiRequest.of("GET", "/v1/nothing-here")), 404, "not_found");
        assertError(server.send(ApiRequest.of("GET", "/")), 404, "not_found");
    }

    @Test
    void badPathParametersAreInvalidPaths() {
        assertError(server.get(alice, "/v1/secrets/short"), 400, "invalid_path");
        assertError(server.get(alice, "/v1/secrets/" + repo.rootBlind() + "/versions/0"), 400, "invalid_path");
        assertError(server.get(alice, "/v1/secrets/" + repo.rootBlind() + "/versions/abc"), 400, "invalid_path");
        assertError(server.get(alice, "/v1/namespaces/a/repos"), 400, "invalid_path");
        assertError(server.get(alice, "/v1/dirs/" + repo.rootBlind() + "?depth=-2"), 400, "invalid_argument");
    }
}
