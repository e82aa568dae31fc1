package io.secrethub.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.secrethub.core.api.AccountApi;
import io.secrethub.core.crypto.KeyCredential;
import io.secrethub.server.testing.ApiRequest;
import io.secrethub.server.testing.ApiResponse;
import io.secrethub.server.testing.TestServer;
import io.secrethub.server.testing.TestUser;

class SignupTest {
    @TempDir
    static Path dataDir;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir, true);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void signUpThenReadOwnAccount() {
        TestServer.Signup signup = TestServer.signupFor("Alice_1");
        ApiResponse created = server.signup(signup);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.contentType()).startsWith("application/json");
        // The wire format is snake_case with ISO times.
        assertThat(created.json().fieldNames()).toIterable()
                .contains("account_id", "name", "account_type", "public_key", "email", "full_name", "created_at");
        assertThat(created.json().get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");

        ApiResponse me = server.get(signup.user(), "/v1/me");
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        AccountApi.Account account = me.as(AccountApi.Account.class);
        assertThat(account.accountId()).isEqualTo(signup.user().accountId());
        assertThat(account.name()).isEqualTo("Alice_1");
        assertThat(account.accountType()).isEqualTo("user");
        assertThat(account.email()).isEqualTo("Alice_1@example.com");
        assertThat(account.fullName()).isEqualTo("Test Alice_1");
        assertThat(account.publicKey().key()).isEqualTo(signup.user().accountKey().publicKey().encoded());
    }

    @Test
    void theAccountKeyComesBackSealedToTheSigningCredential() {
        TestUser user = server.signup("keyholder");
        AccountApi.AccountKey key = server.get(user, "/v1/me/key").as(AccountApi.AccountKey.class);
        assertThat(key.credentialFingerprint()).isEqualTo(user.credential().fingerprint());
        assertThat(user.credential().openAccountKey(key.sealedPrivateKey(), user.accountId()).publicKey())
                .isEqualTo(user.accountKey().publicKey());
    }

    @Test
    void usernamesAreUniqueRegardlessOfCase() {
        server.signup("Bob");
        Map<String, Long> before = server.rowCounts();
        ApiResponse again = server.signup(TestServer.signupFor("bOB"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("username_taken");
        assertThat(server.rowCounts()).isEqualTo(before);
    }

    @Test
    void aCredentialCanBeRegisteredOnce() {
        TestServer.Signup first = TestServer.signupFor("carol");
        assertThat(server.signup(first).status()).isEqualTo(201);
        TestServer.Signup second = TestServer.signupFor("carol2");
        AccountApi.SignupRequest reused = new AccountApi.SignupRequest(second.request().accountId(), "carol2",
                "c2@example.com", null, second.request().publicKey(), first.request().credential());
        Map<String, Long> before = server.rowCounts();
        ApiResponse response = server.send(ApiRequest.of("POST", "/v1/users").json(reused).signedBy(first.user()));
        assertThat(response.errorCode()).as(response.toString()).isEqualTo("credential_already_exists");
        assertThat(response.status()).isEqualTo(409);
        assertThat(server.rowCounts()).isEqualTo(before);
    }

    @Test
    void signUpMustBeSignedByTheCredentialItRegisters() {
        TestServer.Signup signup = TestServer.signupFor("dave");
        Map<String, Long> before = server.rowCounts();
        ApiResponse response = server.send(ApiRequest.of("POST", "/v1/users").json(signup.request())
                .signedBy(TestUser.signerOf(KeyCredential.generate())));
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.errorCode()).isEqualTo("invalid_signature");

        ApiResponse unsigned = server.send(ApiRequest.of("POST", "/v1/users").json(signup.request()));
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(unsigned.errorCode()).isEqualTo("not_authenticated");
        assertThat(server.rowCounts()).isEqualTo(before);
    }

    @Test
    void aFingerprintThatDoesNotMatchTheVerifierIsRefused() {
        TestServer.Signup signup = TestServer.signupFor("erin");
        AccountApi.NewCredential c = signup.request().credential();
        AccountApi.SignupRequest bad = new AccountApi.SignupRequest(signup.request().accountId(), "erin", "erin@example.com",
                null, signup.request().publicKey(),
                new AccountApi.NewCredential("key", KeyCredential.generate().fingerprint(), c.verifier(), null, c.sealedAccountKey()));
        ApiResponse response = server.send(ApiRequest.of("POST", "/v1/users").json(bad).signedBy(signup.user()));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("invalid_argument");
        assertThat(response.json().path("error").path("message").asText()).contains("credential.fingerprint");
    }

    @Test
    void badUsernamesAndEmailsAreRefused() {
        for (String username : new String[] {"ab", "s-service", "no spaces", "x".repeat(33)}) {
            TestServer.Signup signup = TestServer.signupFor(username);
            ApiResponse response = server.signup(signup);
            assertThat(response.errorCode()).as(username).isEqualTo("invalid_path");
            assertThat(response.status()).isEqualTo(400);
        }
        for (String email : new String[] {"", "no-at", "two@@example.com", "sp ace@example.com", "a@b\u0007"}) {
            TestServer.Signup signup = TestServer.signupFor("frank");
            AccountApi.SignupRequest r = signup.request();
            AccountApi.SignupRequest bad = new AccountApi.SignupRequest(r.accountId(), r.username(), email, r.fullName(),
                    r.publicKey(), r.credential());
            ApiResponse response = server.send(ApiRequest.of("POST", "/v1/users").json(bad).signedBy(signup.user()));
            assertThat(response.errorCode()).as(email).isEqualTo("invalid_argument");
        }
    }

    @Test
    void credentialsCanBeListedAndTheSigningOneCannotBeDisabled() {
        TestUser user = server.signup("grace");
        ApiResponse list = server.get(user, "/v1/me/credentials");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).hasSize(1);
        assertThat(list.json().get(0).get("fingerprint").asText()).isEqualTo(user.credential().fingerprint());
        assertThat(list.json().get(0).get("enabled").asBoolean()).isTrue();

        ApiResponse disable = server.patch(user, "/v1/me/credentials/" + user.credential().fingerprint(),
                new AccountApi.UpdateCredentialRequest(false));
        assertThat(disable.status()).isEqualTo(409);
        assertThat(disable.errorCode()).isEqualTo("cannot_disable_current_credential");

        TestUser other = server.signup("heidi");
        ApiResponse notMine = server.patch(user, "/v1/me/credentials/" + other.credential().fingerprint(),
                new AccountApi.UpdateCredentialRequest(false));
        assertThat(notMine.status()).isEqualTo(404);
        assertThat(notMine.errorCode()).isEqualTo("credential_not_found");
    }

    @Test
    void publicKeysOfOtherAccountsCanBeLookedUp() {
        TestUser ivan = server.signup("ivan");
        TestUser judy = server.signup("judy");
        ApiResponse response = server.get(judy, "/v1/accounts/IVAN");
        assertThat(response.status()).isEqualTo(200);
        AccountApi.AccountPublicKey key = response.as(AccountApi.AccountPublicKey.class);
        assertThat(key.accountId()).isEqualTo(ivan.accountId());
        assertThat(key.publicKey().key()).isEqualTo(ivan.accountKey().publicKey().encoded());
        assertThat(response.text()).doesNotContain("email");

        ApiResponse missing = server.get(judy, "/v1/accounts/nobody");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("account_not_found");
    }
}
