package io.secrethub.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.secrethub.core.api.AccountApi;
import io.secrethub.core.crypto.KeyCredential;
import io.secrethub.core.signing.MessageSignatures;
import io.secrethub.core.signing.RequestSigner;
import io.secrethub.core.signing.SignatureParams;
import io.secrethub.server.testing.ApiRequest;
import io.secrethub.server.testing.ApiResponse;
import io.secrethub.server.testing.ClientSide;
import io.secrethub.server.testing.TestServer;
import io.secrethub.server.testing.TestUser;

class AuthenticationTest {
    @TempDir
    static Path dataDir;
    static TestServer server;
    static TestUser alice;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir, true);
        alice = server.signup("alice");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void assertRefused(ApiResponse response, String code) {
        assertThat(response.errorCode()).as(response.toString()).isEqualTo(code);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/json");
    }

    @Test
    void aCorrectlySignedRequestIsAccepted() {
        assertThat(server.get(alice, "/v1/me?x=1&y=%20").status()).isEqualTo(200);
    }

    @Test
    void anUnsignedRequestIsNotAuthenticated() {
        ApiResponse response = server.send(ApiRequest.of("GET", "/v1/me"));
        assertRefused(response, "not_authenticated");
        assertThat(response.json().path("error").path("message").asText())
                .isEqualTo("request is not signed; sign it with a credential");
    }

    @Test
    void aMalformedSignatureHeaderIsRefused() {
        assertRefused(server.send(ApiRequest.of("GET", "/v1/me").signedBy(alice).header("Signature", "sig2=:AAAA:")),
                "invalid_signature");
        assertRefused(server.send(ApiRequest.of("GET", "/v1/me").signedBy(alice)
                .header("Signature-Input", "sig1=(\"@method\");created=1;keyid=\"x\";alg=\"rsa\"")), "invalid_signature");
    }

    @Test
    void aTamperedSignatureIsRefused() {
        ApiRequest request = ApiRequest.of("GET", "/v1/me").signedBy(alice);
        byte[] forged = new byte[64];
        forged[0] = 1;
        request.header("Signature", "sig1=:" + Base64.getEncoder().encodeToString(forged) + ":");
        assertRefused(server.send(request), "invalid_signature");
    }

    @Test
    void aSignatureForAnotherPathOrQueryIsRefused() {
        assertThat(server.get(alice, "/v1/me?a=1").status()).isEqualTo(200);
        assertRefused(server.send(sentWith("/v1/me?a=2", "/v1/me", "a=1")), "invalid_signature");
        assertRefused(server.send(sentWith("/v1/me", "/v1/me/credentials", null)), "invalid_signature");
    }

    /** A GET to {@code sentTo} carrying a valid signature made for another path and query. */
    private static ApiRequest sentWith(String sentTo, String signedPath, String signedQuery) {
        ApiRequest request = ApiRequest.of("GET", sentTo);
        MessageSignatures.sign("GET", server.authority(), signedPath, signedQuery, null, alice.signer(), Instant.now())
                .forEach(request::header);
        return request;
    }

    @Test
    void aTamperedBodyFailsItsContentDigest() {
        ApiRequest request = ApiRequest.of("PATCH", "/v1/me/credentials/" + alice.credential().fingerprint())
                .json(new AccountApi.UpdateCredentialRequest(true))
                .signedBy(alice)
                .signedBody(TestServer.utf8("{\"enabled\":false}"));
        assertRefused(server.send(request), "invalid_content_digest");
    }

    @Test
    void aBodyWithoutContentDigestIsRefused() {
        ApiRequest request = ApiRequest.of("PATCH", "/v1/me/credentials/" + alice.credential().fingerprint())
                .json(new AccountApi.UpdateCredentialRequest(true))
                .signedBy(alice)
                .header("Content-Digest", null);
        ApiResponse response = server.send(request);
        assertRefused(response, "invalid_content_digest");
    }

    @Test
    void aBodyMustBeCoveredByTheSignature() {
        // Signed as if there were no body, then sent with one.
        var headers = MessageSignatures.sign("PATCH", server.authority(),
                "/v1/me/credentials/" + alice.credential().fingerprint(), null, null, alice.signer(), Instant.now());
        ApiRequest request = ApiRequest.of("PATCH", "/v1/me/credentials/" + alice.credential().fingerprint())
                .json(new AccountApi.UpdateCredentialRequest(true));
        headers.forEach(request::header);
        assertRefused(server.send(request), "invalid_signature");
    }

    @Test
    void aSignatureMadeMoreThan300SecondsAgoOrAheadIsExpired() {
        ApiResponse past = server.send(ApiRequest.of("GET", "/v1/me").signedBy(alice).signedAt(Instant.now().minusSeconds(320)));
        assertRefused(past, "signature_expired");
        assertThat(past.json().path("error").path("message").asText()).contains("server's time").contains("clock");

        ApiResponse future = server.send(ApiRequest.of("GET", "/v1/me").signedBy(alice).signedAt(Instant.now().plusSeconds(320)));
        assertRefused(future, "signature_expired");

        ApiResponse withinSkew = server.send(ApiRequest.of("GET", "/v1/me").signedBy(alice).signedAt(Instant.now().minusSeconds(280)));
        assertThat(withinSkew.status()).isEqualTo(200);
    }

    @Test
    void anUnknownCredentialIsRefused() {
        assertRefused(server.send(ApiRequest.of("GET", "/v1/me").signedBy(TestUser.signerOf(KeyCredential.generate()))),
                "unknown_credential");
    }

    @Test
    void aDisabledCredentialIsRefused() {
        TestServer.Signup signup = TestServer.signupFor("bob");
        assertThat(server.signup(signup).status()).isEqualTo(201);
        TestUser bob = signup.user();
        // Bob disables his credential through the store: adding a second credential is a later feature.
        disableThroughDatabase(bob.credential().fingerprint());
        assertRefused(server.get(bob, "/v1/me"), "credential_disabled");
    }

    @Test
    void aSignatureForAnotherAuthorityIsRefused() {
        assertRefused(server.send(ApiRequest.of("GET", "/v1/me").signedBy(alice).signedFor("secrethub.example.com")),
                "invalid_signature");
    }

    @Test
    void sessionsAreNotKnownYet() {
        RequestSigner session = new RequestSigner() {
            @Override
            public String keyId() {
                return "session-1";
            }

            @Override
            public String algorithm() {
                return SignatureParams.ALG_HMAC_SHA256;
            }

            @Override
            public byte[] sign(byte[] base) {
                return new byte[32];
            }
        };
        assertRefused(server.send(ApiRequest.of("GET", "/v1/me").signedBy(session)), "session_not_found");
    }

    @Test
    void everyRouteButSignUpNeedsASignature() {
        var repo = ClientSide.newRepo(alice, "r");
        for (ApiRequest request : new ApiRequest[] {
                ApiRequest.of("GET", "/v1/me/key"),
                ApiRequest.of("GET", "/v1/me/repos"),
                ApiRequest.of("GET", "/v1/accounts/alice"),
                ApiRequest.of("POST", "/v1/namespaces/alice/repos").json(repo.request()),
                ApiRequest.of("GET", "/v1/dirs/" + repo.keys().rootBlind()),
                ApiRequest.of("GET", "/v1/secrets/" + repo.keys().rootBlind()),
                ApiRequest.of("DELETE", "/v1/secrets/" + repo.keys().rootBlind())}) {
            assertRefused(server.send(request), "not_authenticated");
        }
    }

    private static void disableThroughDatabase(String fingerprint) {
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("secrethub.db"));
             var s = c.prepareStatement("UPDATE credentials SET enabled = 0 WHERE fingerprint = ?")) {
            s.setString(1, fingerprint);
            assertThat(s.executeUpdate()).isEqualTo(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
