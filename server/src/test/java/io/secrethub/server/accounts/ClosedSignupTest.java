package io.secrethub.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.secrethub.server.testing.ApiResponse;
import io.secrethub.server.testing.TestServer;

class ClosedSignupTest {
    @TempDir
    Path dataDir;

    @Test
    void withoutAllowSignupNobodyCanSignUp() {
        try (TestServer server = TestServer.start(dataDir, false)) {
            ApiResponse response = server.signup(TestServer.signupFor("alice"));
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.errorCode()).isEqualTo("signup_closed");
            assertThat(server.rowCounts()).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
        }
    }
}
