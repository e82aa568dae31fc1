package io.secrethub.server.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.secrethub.core.api.RepoApi;
import io.secrethub.core.api.SecretApi;
import io.secrethub.core.api.TreeApi;
import io.secrethub.core.crypto.BindingContext;
import io.secrethub.core.crypto.EncryptedValue;
import io.secrethub.core.crypto.RepoIndexKey;
import io.secrethub.core.crypto.SealPurpose;
import io.secrethub.server.testing.ApiResponse;
import io.secrethub.server.testing.ClientSide;
import io.secrethub.server.testing.TestServer;
import io.secrethub.server.testing.TestUser;

/** A user's whole path through repos, directories, secrets and versions, with real crypto on the client side. */
class SecretLifecycleTest {
    private static final String PLAINTEXT_MARKER = "plaintext-d41d8cd9";

    @TempDir
    static Path dataDir;
    static TestServer server;
    static TestUser alice;
    static TestUser mallory;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir, true);
        alice = server.signup("alice");
        mallory = server.signup("mallory");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ClientSide.RepoKeys createRepo(String name) {
        ClientSide.NewRepo repo = ClientSide.newRepo(alice, name);
        ApiResponse response = server.post(alice, "/v1/namespaces/alice/repos", repo.request());
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return repo.keys();
    }

    private static void assertError(ApiResponse response, int status, String code) {
        assertThat(response.errorCode()).as(response.toString()).isEqualTo(code);
        assertThat(response.status()).isEqualTo(status);
    }

    /** A refused write must leave every table as it was. */
    private static ApiResponse refusedWithoutChanges(Supplier<ApiResponse> write) {
        Map<String, Long> before = server.rowCounts();
        ApiResponse response = write.get();
        assertThat(response.status()).as(response.toString()).isGreaterThanOrEqualTo(400);
        assertThat(server.rowCounts()).isEqualTo(before);
        return response;
    }

    @Test
    void repoDirSecretAndVersionsEndToEnd() {
        ClientSide.RepoKeys repo = createRepo("App");

        RepoApi.Repo read = server.get(alice, "/v1/namespaces/alice/repos/app").as(RepoApi.Repo.class);
        assertThat(read.repoId()).isEqualTo(repo.repoId());
        assertThat(read.name()).isEqualTo("App");
        assertThat(read.namespace()).isEqualTo("alice");
        RepoApi.RepoKey key = server.get(alice, "/v1/namespaces/alice/repos/App/key").as(RepoApi.RepoKey.class);
        assertThat(alice.accountKey().open(key.sealedIndexKey(), SealPurpose.REPO_KEY,
                BindingContext.repoKey(repo.repoId(), alice.accountId()))).isEqualTo(repo.indexKey().bytes());

        // The accounts to seal for: only the owner so far.
        ApiResponse readers = server.get(alice, "/v1/dirs/" + repo.rootBlind() + "/accounts");
        assertThat(readers.status()).isEqualTo(200);
        assertThat(readers.json()).hasSize(1);
        assertThat(readers.json().get(0).get("account_id").asText()).isEqualTo(alice.accountId().toString());

        TreeApi.CreateDirRequest mkdir = ClientSide.newDir(repo, "prod", List.of(alice));
        ApiResponse dir = server.post(alice, "/v1/dirs", mkdir);
        assertThat(dir.status()).as(dir.toString()).isEqualTo(201);
        TreeApi.Dir created = dir.as(TreeApi.Dir.class);
        assertThat(created.parentId()).isEqualTo(repo.rootId());
        assertThat(ClientSide.openName(alice, created.dirId(), created.encryptedName())).isEqualTo("prod");

        Map<String, Long> withoutSecret = server.rowCounts();
        ClientSide.NewSecret secret = ClientSide.newSecret(repo, "prod/db_password", PLAINTEXT_MARKER + "-v1", List.of(alice));
        ApiResponse createdSecret = server.post(alice, "/v1/dirs/" + mkdir.blindName() + "/secrets", secret.request());
        assertThat(createdSecret.status()).as(createdSecret.toString()).isEqualTo(201);
        SecretApi.Version v1 = createdSecret.as(SecretApi.Version.class);
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.encryptedValue()).isNull();
        UUID secretId = secret.request().secretId();
        UUID keyId = secret.request().keyId();
        String blind = secret.request().blindName();

        ApiResponse v2 = server.post(alice, "/v1/secrets/" + blind + "/versions",
                ClientSide.newVersion(secretId, 2, keyId, secret.key(), PLAINTEXT_MARKER + "-v2"));
        assertThat(v2.status()).as(v2.toString()).isEqualTo(201);
        assertThat(v2.as(SecretApi.Version.class).version()).isEqualTo(2);

        SecretApi.Version latest = server.get(alice, "/v1/secrets/" + blind + "/versions/latest").as(SecretApi.Version.class);
        assertThat(latest.version()).isEqualTo(2);
        assertThat(ClientSide.open(alice, latest)).isEqualTo(PLAINTEXT_MARKER + "-v2");
        SecretApi.Version first = server.get(alice, "/v1/secrets/" + blind + "/versions/1").as(SecretApi.Version.class);
        assertThat(ClientSide.open(alice, first)).isEqualTo(PLAINTEXT_MARKER + "-v1");
        assertError(server.get(alice, "/v1/secrets/" + blind + "/versions/3"), 404, "version_not_found");

        SecretApi.SecretDetail detail = server.get(alice, "/v1/secrets/" + blind).as(SecretApi.SecretDetail.class);
        assertThat(detail.secret().latestVersion()).isEqualTo(2);
        assertThat(detail.secret().versionCount()).isEqualTo(2);
        assertThat(detail.secret().dirId()).isEqualTo(created.dirId());
        assertThat(ClientSide.openName(alice, secretId, detail.secret().encryptedName())).isEqualTo("db_password");
        assertThat(detail.versions()).extracting(SecretApi.Version::version).containsExactly(1, 2);
        assertThat(detail.versions()).allSatisfy(v -> assertThat(v.encryptedValue()).isNull());

        SecretApi.SecretKeyCopy keyCopy = server.get(alice, "/v1/secrets/" + blind + "/key").as(SecretApi.SecretKeyCopy.class);
        assertThat(keyCopy.keyId()).isEqualTo(keyId);
        assertThat(alice.accountKey().open(keyCopy.encryptedKey(), SealPurpose.SECRET_KEY,
                BindingContext.secretKey(secretId, keyId, alice.accountId()))).isEqualTo(secret.key().bytes());

        // A writer that lost the race for version 2 gets a conflict and nothing is stored.
        ApiResponse conflict = refusedWithoutChanges(() -> server.post(alice, "/v1/secrets/" + blind + "/versions",
                ClientSide.newVersion(secretId, 2, keyId, secret.key(), "other")));
        assertError(conflict, 409, "version_conflict");
        assertError(refusedWithoutChanges(() -> server.post(alice, "/v1/secrets/" + blind + "/versions",
                ClientSide.newVersion(secretId, 4, keyId, secret.key(), "skip"))), 409, "version_conflict");
        assertError(refusedWithoutChanges(() -> server.post(alice, "/v1/secrets/" + blind + "/versions",
                ClientSide.newVersion(secretId, 3, UUID.randomUUID(), secret.key(), "wrong key"))), 400, "invalid_argument");

        // Deleting the latest version makes the one before it the latest.
        assertThat(server.delete(alice, "/v1/secrets/" + blind + "/versions/2").status()).isEqualTo(200);
        SecretApi.SecretDetail afterDelete = server.get(alice, "/v1/secrets/" + blind).as(SecretApi.SecretDetail.class);
        assertThat(afterDelete.secret().latestVersion()).isEqualTo(1);
        assertThat(afterDelete.secret().versionCount()).isEqualTo(1);
        assertThat(server.get(alice, "/v1/secrets/" + blind + "/versions/latest").as(SecretApi.Version.class).version()).isEqualTo(1);
        assertError(refusedWithoutChanges(() -> server.delete(alice, "/v1/secrets/" + blind + "/versions/1")),
                409, "cannot_delete_last_version");
        assertError(refusedWithoutChanges(() -> server.delete(alice, "/v1/secrets/" + blind + "/versions/7")),
                404, "version_not_found");

        // The server stored ciphertext only.
        assertThat(server.databaseText()).doesNotContain(PLAINTEXT_MARKER).doesNotContain("db_password");

        ApiResponse deleted = server.delete(alice, "/v1/secrets/" + blind);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.text()).isEqualTo("{}");
        assertError(server.get(alice, "/v1/secrets/" + blind), 404, "secret_not_found");
        // Its names, keys, key copies and versions went with it.
        assertThat(server.rowCounts()).isEqualTo(withoutSecret);
    }

    @Test
    void listingATreeDownToADepth() {
        ClientSide.RepoKeys repo = createRepo("tree");
        post("/v1/dirs", ClientSide.newDir(repo, "a", List.of(alice)));
        post("/v1/dirs", ClientSide.newDir(repo, "a/b", List.of(alice)));
        post("/v1/dirs", ClientSide.newDir(repo, "a/b/c", List.of(alice)));
        post("/v1/dirs/" + repo.rootBlind() + "/secrets", ClientSide.newSecret(repo, "top", "x", List.of(alice)).request());
        post("/v1/dirs/" + repo.blind("a/b") + "/secrets", ClientSide.newSecret(repo, "a/b/deep", "x", List.of(alice)).request());

        TreeApi.Tree depth1 = server.get(alice, "/v1/dirs/" + repo.rootBlind()).as(TreeApi.Tree.class);
        assertThat(depth1.rootId()).isEqualTo(repo.rootId());
        assertThat(depth1.dirs()).extracting(TreeApi.Dir::blindName).containsExactlyInAnyOrder(repo.rootBlind(), repo.blind("a"));
        assertThat(depth1.secrets()).extracting(SecretApi.Secret::blindName).containsExactly(repo.blind("top"));
        assertThat(depth1.dirs()).allSatisfy(d -> assertThat(d.encryptedName()).isNotNull());

        TreeApi.Tree depth0 = server.get(alice, "/v1/dirs/" + repo.rootBlind() + "?depth=0").as(TreeApi.Tree.class);
        assertThat(depth0.dirs()).hasSize(1);
        assertThat(depth0.secrets()).isEmpty();

        TreeApi.Tree depth2 = server.get(alice, "/v1/dirs/" + repo.rootBlind() + "?depth=2").as(TreeApi.Tree.class);
        assertThat(depth2.dirs()).hasSize(3);
        assertThat(depth2.secrets()).hasSize(1);

        TreeApi.Tree all = server.get(alice, "/v1/dirs/" + repo.rootBlind() + "?depth=-1").as(TreeApi.Tree.class);
        assertThat(all.dirs()).hasSize(4);
        assertThat(all.secrets()).extracting(SecretApi.Secret::blindName)
                .containsExactlyInAnyOrder(repo.blind("top"), repo.blind("a/b/deep"));

        TreeApi.Tree sub = server.get(alice, "/v1/dirs/" + repo.blind("a/b")).as(TreeApi.Tree.class);
        assertThat(sub.dirs()).extracting(TreeApi.Dir::blindName).containsExactlyInAnyOrder(repo.blind("a/b"), repo.blind("a/b/c"));
        assertThat(sub.secrets()).hasSize(1);

        assertThat(server.get(alice, "/v1/namespaces/alice/repos/tree").as(RepoApi.Repo.class).secretCount()).isEqualTo(2);
    }

    @Test
    void deletingADirectoryDeletesEverythingBelowIt() {
        ClientSide.RepoKeys repo = createRepo("rmdir");
        Map<String, Long> empty = server.rowCounts();
        post("/v1/dirs", ClientSide.newDir(repo, "a", List.of(alice)));
        post("/v1/dirs", ClientSide.newDir(repo, "a/b", List.of(alice)));
        post("/v1/dirs", ClientSide.newDir(repo, "a/b/c", List.of(alice)));
        post("/v1/dirs/" + repo.blind("a/b/c") + "/secrets", ClientSide.newSecret(repo, "a/b/c/s", "x", List.of(alice)).request());
        post("/v1/dirs/" + repo.blind("a") + "/secrets", ClientSide.newSecret(repo, "a/t", "x", List.of(alice)).request());

        assertError(refusedWithoutChanges(() -> server.delete(alice, "/v1/dirs/" + repo.rootBlind())), 400, "cannot_remove_root_dir");

        assertThat(server.delete(alice, "/v1/dirs/" + repo.blind("a")).status()).isEqualTo(200);
        assertThat(server.rowCounts()).isEqualTo(empty);
        assertError(server.get(alice, "/v1/dirs/" + repo.blind("a/b")), 404, "dir_not_found");
        assertError(server.get(alice, "/v1/secrets/" + repo.blind("a/t")), 404, "secret_not_found");
    }

    @Test
    void conflictsAndBadRequestsLeaveNothingBehind() {
        ClientSide.RepoKeys repo = createRepo("conflicts");
        TreeApi.CreateDirRequest dir = ClientSide.newDir(repo, "d", List.of(alice));
        post("/v1/dirs", dir);
        ClientSide.NewSecret secret = ClientSide.newSecret(repo, "s", "x", List.of(alice));
        post("/v1/dirs/" + repo.rootBlind() + "/secrets", secret.request());

        // A directory's name again, as a directory and as a secret.
        assertError(refusedWithoutChanges(() -> server.post(alice, "/v1/dirs", ClientSide.newDir(repo, "d", List.of(alice)))),
                409, "dir_already_exists");
        assertError(refusedWithoutChanges(() -> server.post(alice, "/v1/dirs/" + repo.rootBlind() + "/secrets",
                ClientSide.newSecret(repo, "d", "x", List.of(alice)).request())), 409, "dir_already_exists");
        assertError(refusedWithoutChanges(() -> server.post(alice, "/v1/dirs", ClientSide.newDir(repo, "s", List.of(alice)))),
                409, "secret_already_exists");
        assertError(refusedWithoutChanges(() -> server.post(alice, "/v1/dirs/" + repo.rootBlind() + "/secrets",
                ClientSide.newSecret(repo, "s", "x", List.of(alice)).request())), 409, "secret_already_exists");

        // Names and keys sealed for the wrong accounts.
        assertError(refusedWithoutChanges(() -> server.post(alice, "/v1/dirs",
                ClientSide.newDir(repo, "e", List.of(alice, mallory)))), 409, "not_encrypted_for_accounts");
        assertError(refusedWithoutChanges(() -> server.post(alice, "/v1/dirs",
                ClientSide.newDir(repo, "e", List.of(mallory)))), 409, "not_encrypted_for_accounts");
        assertError(refusedWithoutChanges(() -> server.post(alice, "/v1/dirs",
                ClientSide.newDir(repo, "e", List.of(alice, alice)))), 409, "not_encrypted_for_accounts");
        ClientSide.NewSecret keysForTwo = ClientSide.newSecret(repo, "k", "x", List.of(alice, mallory));
        SecretApi.CreateSecretRequest namesOk = new SecretApi.CreateSecretRequest(keysForTwo.request().secretId(),
                keysForTwo.request().blindName(), keysForTwo.request().encryptedNames().subList(0, 1),
                keysForTwo.request().keyId(), keysForTwo.request().encryptedKeys(), keysForTwo.request().encryptedValue());
        assertError(refusedWithoutChanges(() -> server.post(alice, "/v1/dirs/" + repo.rootBlind() + "/secrets", namesOk)),
                409, "not_encrypted_for_accounts");

        // A parent that does not exist.
        TreeApi.CreateDirRequest orphan = ClientSide.newDir(repo, "nowhere/x", List.of(alice));
        assertError(refusedWithoutChanges(() -> server.post(alice, "/v1/dirs", orphan)), 404, "dir_not_found");

        // Values that break the size rules.
        ClientSide.NewSecret big = ClientSide.newSecret(repo, "big", "x", List.of(alice));
        SecretApi.CreateSecretRequest tooBig = withValue(big.request(),
                new EncryptedValue("v1", new byte[12], new byte[600 * 1024]));
        assertError(refusedWithoutChanges(() -> server.post(alice, "/v1/dirs/" + repo.rootBlind() + "/secrets", tooBig)),
                413, "value_too_large");
        assertError(refusedWithoutChanges(() -> server.post(alice, "/v1/dirs/" + repo.rootBlind() + "/secrets",
                withValue(big.request(), new EncryptedValue("v2", new byte[12], new byte[32])))), 400, "invalid_argument");
        assertError(refusedWithoutChanges(() -> server.post(alice, "/v1/dirs/" + repo.rootBlind() + "/secrets",
                withValue(big.request(), new EncryptedValue("v1", new byte[8], new byte[32])))), 400, "invalid_argument");

        // A repo name taken regardless of case, and a root dir whose name is not sealed for the owner.
        assertError(refusedWithoutChanges(() -> server.post(alice, "/v1/namespaces/alice/repos",
                ClientSide.newRepo(alice, "CONFLICTS").request())), 409, "repo_already_exists");
        ClientSide.NewRepo sealedForOther = ClientSide.newRepo(alice, "other");
        RepoApi.CreateRepoRequest r = sealedForOther.request();
        RepoApi.CreateRepoRequest wrongRoot = new RepoApi.CreateRepoRequest(r.repoId(), r.name(),
                new TreeApi.CreateDirRequest(r.rootDir().dirId(), r.rootDir().blindName(), null,
                        List.of(ClientSide.sealName("other", r.rootDir().dirId(), mallory))), r.sealedIndexKey());
        assertError(refusedWithoutChanges(() -> server.post(alice, "/v1/namespaces/alice/repos", wrongRoot)),
                409, "not_encrypted_for_accounts");
    }

    @Test
    void reposAreListedAndDeletedByTheirOwner() {
        ClientSide.RepoKeys repo = createRepo("listed");
        post("/v1/dirs/" + repo.rootBlind() + "/secrets", ClientSide.newSecret(repo, "s", "x", List.of(alice)).request());

        assertThat(server.get(alice, "/v1/me/repos").json().findValuesAsText("name")).contains("listed");
        assertThat(server.get(alice, "/v1/namespaces/alice/repos").json().findValuesAsText("name")).contains("listed");
        assertThat(server.get(mallory, "/v1/namespaces/alice/repos").json()).isEmpty();
        assertError(server.get(alice, "/v1/namespaces/nobody/repos"), 404, "namespace_not_found");

        assertError(refusedWithoutChanges(() -> server.delete(mallory, "/v1/namespaces/alice/repos/listed")), 404, "repo_not_found");
        assertThat(server.delete(alice, "/v1/namespaces/alice/repos/listed").status()).isEqualTo(200);
        assertError(server.get(alice, "/v1/namespaces/alice/repos/listed"), 404, "repo_not_found");
        assertError(server.get(alice, "/v1/dirs/" + repo.rootBlind()), 404, "dir_not_found");
        assertError(server.get(alice, "/v1/secrets/" + repo.blind("s")), 404, "secret_not_found");
    }

    @Test
    void readingAMissingSecretIsSecretNotFound() {
        String missing = RepoIndexKey.generate().blindName("alice/x/y");
        assertError(server.get(alice, "/v1/secrets/" + missing), 404, "secret_not_found");
        assertError(server.get(alice, "/v1/secrets/" + missing + "/versions/latest"), 404, "secret_not_found");
        assertError(server.get(alice, "/v1/secrets/" + missing + "/key"), 404, "secret_not_found");
        ClientSide.RepoKeys repo = createRepo("kinds");
        // A directory is not a secret, and a secret is not a directory.
        assertError(server.get(alice, "/v1/secrets/" + repo.rootBlind()), 404, "secret_not_found");
        post("/v1/dirs/" + repo.rootBlind() + "/secrets", ClientSide.newSecret(repo, "s", "x", List.of(alice)).request());
        assertError(server.get(alice, "/v1/dirs/" + repo.blind("s")), 404, "dir_not_found");
    }

    @Test
    void anotherUserCannotSeeOrTouchTheRepo() {
        ClientSide.RepoKeys repo = createRepo("private");
        TreeApi.CreateDirRequest dir = ClientSide.newDir(repo, "d", List.of(alice));
        post("/v1/dirs", dir);
        ClientSide.NewSecret secret = ClientSide.newSecret(repo, "d/s", "x", List.of(alice));
        post("/v1/dirs/" + dir.blindName() + "/secrets", secret.request());
        String blind = secret.request().blindName();

        // Everything reads as if it did not exist.
        assertError(server.get(mallory, "/v1/namespaces/alice/repos/private"), 404, "repo_not_found");
        assertError(server.get(mallory, "/v1/namespaces/alice/repos/private/key"), 404, "repo_not_found");
        assertError(server.get(mallory, "/v1/dirs/" + repo.rootBlind()), 404, "dir_not_found");
        assertError(server.get(mallory, "/v1/dirs/" + dir.blindName() + "/accounts"), 404, "dir_not_found");
        assertError(server.get(mallory, "/v1/secrets/" + blind), 404, "secret_not_found");
        assertError(server.get(mallory, "/v1/secrets/" + blind + "/versions/1"), 404, "secret_not_found");
        assertError(server.get(mallory, "/v1/secrets/" + blind + "/key"), 404, "secret_not_found");
        assertThat(server.get(mallory, "/v1/me/repos").json()).isEmpty();

        // And no write gets through, nor leaves anything behind.
        assertError(refusedWithoutChanges(() -> server.post(mallory, "/v1/dirs", ClientSide.newDir(repo, "x", List.of(alice)))),
                404, "dir_not_found");
        assertError(refusedWithoutChanges(() -> server.post(mallory, "/v1/dirs/" + dir.blindName() + "/secrets",
                ClientSide.newSecret(repo, "d/m", "x", List.of(alice)).request())), 404, "dir_not_found");
        assertError(refusedWithoutChanges(() -> server.post(mallory, "/v1/secrets/" + blind + "/versions",
                ClientSide.newVersion(secret.request().secretId(), 2, secret.request().keyId(), secret.key(), "evil"))),
                404, "secret_not_found");
        assertError(refusedWithoutChanges(() -> server.delete(mallory, "/v1/secrets/" + blind)), 404, "secret_not_found");
        assertError(refusedWithoutChanges(() -> server.delete(mallory, "/v1/secrets/" + blind + "/versions/1")),
                404, "secret_not_found");
        assertError(refusedWithoutChanges(() -> server.delete(mallory, "/v1/dirs/" + dir.blindName())), 404, "dir_not_found");
        assertError(refusedWithoutChanges(() -> server.post(mallory, "/v1/namespaces/alice/repos",
                ClientSide.newRepo(mallory, "squat").request())), 403, "forbidden");

        // Alice still has all of it.
        SecretApi.Version v = server.get(alice, "/v1/secrets/" + blind + "/versions/latest").as(SecretApi.Version.class);
        assertThat(ClientSide.open(alice, v)).isEqualTo("x");
    }

    @Test
    void aServerThatSwapsVersionsIsCaughtByTheClient() {
        // Not the server's job, but it shows the values the server hands out are bound to their place.
        ClientSide.RepoKeys repo = createRepo("bound");
        ClientSide.NewSecret secret = ClientSide.newSecret(repo, "s", "one", List.of(alice));
        post("/v1/dirs/" + repo.rootBlind() + "/secrets", secret.request());
        SecretApi.Version v1 = server.get(alice, "/v1/secrets/" + secret.request().blindName() + "/versions/1")
                .as(SecretApi.Version.class);
        SecretApi.Version relabelled = new SecretApi.Version(v1.secretId(), 2, v1.keyId(), v1.encryptedKey(),
                v1.encryptedValue(), v1.createdAt());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ClientSide.open(alice, relabelled))
                .isInstanceOf(io.secrethub.core.crypto.CryptoException.class);
    }

    private static void post(String path, Object body) {
        ApiResponse response = server.post(alice, path, body);
        assertThat(response.status()).as(path + " " + response).isEqualTo(201);
    }

    private static SecretApi.CreateSecretRequest withValue(SecretApi.CreateSecretRequest r, EncryptedValue value) {
        return new SecretApi.CreateSecretRequest(r.secretId(), r.blindName(), r.encryptedNames(), r.keyId(),
                r.encryptedKeys(), value);
    }
}
