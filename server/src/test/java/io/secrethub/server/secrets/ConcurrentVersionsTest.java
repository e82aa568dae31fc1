package io.secrethub.server.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.secrethub.core.api.SecretApi;
import io.secrethub.server.testing.ApiResponse;
import io.secrethub.server.testing.ClientSide;
import io.secrethub.server.testing.TestServer;
import io.secrethub.server.testing.TestUser;

class ConcurrentVersionsTest {
    @TempDir
    Path dataDir;

    @Test
    void writersRacingForTheSameVersionGetOneWinnerAndConflicts() throws Exception {
        try (TestServer server = TestServer.start(dataDir, true)) {
            TestUser alice = server.signup("alice");
            ClientSide.NewRepo repo = ClientSide.newRepo(alice, "race");
            assertThat(server.post(alice, "/v1/namespaces/alice/repos", repo.request()).status()).isEqualTo(201);
            ClientSide.NewSecret secret = ClientSide.newSecret(repo.keys(), "s", "v1", List.of(alice));
            assertThat(server.post(alice, "/v1/dirs/" + repo.keys().rootBlind() + "/secrets", secret.request()).status())
                    .isEqualTo(201);
            String path = "/v1/secrets/" + secret.request().blindName() + "/versions";

            int writers = 12;
            List<Future<ApiResponse>> results = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
                for (int i = 0; i < writers; i++) {
                    String value = "writer-" + i;
                    results.add(pool.submit(() -> server.post(alice, path, ClientSide.newVersion(
                            secret.request().secretId(), 2, secret.request().keyId(), secret.key(), value))));
                }
            }
            int created = 0;
            for (Future<ApiResponse> result : results) {
                ApiResponse response = result.get();
                if (response.status() == 201) {
                    created++;
                } else {
                    assertThat(response.errorCode()).as(response.toString()).isEqualTo("version_conflict");
                }
            }
            assertThat(created).isEqualTo(1);
            SecretApi.SecretDetail detail = server.get(alice, "/v1/secrets/" + secret.request().blindName())
                    .as(SecretApi.SecretDetail.class);
            assertThat(detail.secret().versionCount()).isEqualTo(2);
            assertThat(server.rowCounts().get("secret_versions")).isEqualTo(2);
        }
    }
}
