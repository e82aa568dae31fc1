package io.secrethub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import io.secrethub.client.DirEntry;
import io.secrethub.client.SecretHubClient;
import io.secrethub.client.SecretHubException;
import io.secrethub.client.SecretVersion;
import io.secrethub.client.TreeNode;
import io.secrethub.client.credentials.ConfigDir;
import io.secrethub.client.credentials.KeyCredentialFile;
import io.secrethub.core.crypto.KeyCredential;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The Java SDK against a real server process. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SdkTest {
    /** One folder for the whole class: its server, configs and logs. */
    private Path tmp;

    private ServerProcess server;
    private KeyCredential credential;
    private SecretHubClient client;

    @BeforeAll
    void start(@TempDir Path classDir) throws Exception {
        tmp = classDir;
        server = ServerProcess.start(tmp.resolve("data"), tmp.resolve("server.log"), "--allow-signup");
        credential = KeyCredential.generate();
        client = SecretHubClient.signup(URI.create(server.url()), "carol", "carol@example.com", "Carol", credential, "laptop");
        client.createRepo("carol/app");
    }

    @AfterAll
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void whoAmIAndCredentials() {
        assertThat(client.me().name()).isEqualTo("carol");
        assertThat(client.me().email()).isEqualTo("carol@example.com");
        assertThat(client.credentials()).singleElement().satisfies(c -> {
            assertThat(c.fingerprint()).isEqualTo(credential.fingerprint());
            assertThat(c.description()).isEqualTo("laptop");
            assertThat(c.enabled()).isTrue();
        });
        assertThatThrownBy(() -> client.disableCredential(credential.fingerprint()))
                .isInstanceOfSatisfying(SecretHubException.class, e -> assertThat(e.code()).isEqualTo("cannot_disable_current_credential"));
    }

    @Test
    void writeReadVersionsAndDelete() {
        client.mkdir("carol/app/prod/db", true);
        assertThat(client.write("carol/app/prod/db/password", "one")).isEqualTo(1);
        assertThat(client.write("carol/app/prod/db/password", "two".getBytes(StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(client.readString("carol/app/prod/db/password")).isEqualTo("two");
        SecretVersion first = client.read("carol/app/prod/db/password:1");
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.string()).isEqualTo("one");
        assertThat(first.toString()).doesNotContain("one");
        assertThat(client.read("Carol/App/Prod/DB/Password:latest").version()).isEqualTo(2);
        assertThat(client.exists("carol/app/prod/db/password")).isTrue();
        assertThat(client.exists("carol/app/prod/db/nope")).isFalse();
        assertThat(client.inspect("carol/app/prod/db/password").versionCount()).isEqualTo(2);

        assertThat(client.list("carol/app/prod")).extracting(DirEntry::name, DirEntry::directory).containsExactly(
                org.assertj.core.groups.Tuple.tuple("db", true));
        TreeNode tree = client.tree("carol/app/prod");
        assertThat(tree.countDirsAndSecrets()).containsExactly(1, 1);
        assertThat(tree.children().get(0).children().get(0).path()).isEqualTo("carol/app/prod/db/password");

        client.deleteSecret("carol/app/prod/db/password:1");
        assertThatThrownBy(() -> client.read("carol/app/prod/db/password:1"))
                .isInstanceOfSatisfying(SecretHubException.class, e -> assertThat(e.code()).isEqualTo("version_not_found"));
        assertThatThrownBy(() -> client.deleteSecret("carol/app/prod/db/password:2"))
                .isInstanceOfSatisfying(SecretHubException.class, e -> assertThat(e.code()).isEqualTo("cannot_delete_last_version"));
        client.deleteDir("carol/app/prod");
        assertThat(client.exists("carol/app/prod/db/password")).isFalse();
        assertThat(client.dirExists("carol/app/prod")).isFalse();
    }

    @Test
    void mkdirWithoutParentsNeedsTheParent() {
        assertThatThrownBy(() -> client.mkdir("carol/app/a/b/c", false))
                .isInstanceOfSatisfying(SecretHubException.class, e -> assertThat(e.code()).isEqualTo("dir_not_found"));
        client.mkdir("carol/app/a/b/c", true);
        client.mkdir("carol/app/a/b/c", true);
        assertThatThrownBy(() -> client.mkdir("carol/app/a/b/c", false))
                .isInstanceOfSatisfying(SecretHubException.class, e -> assertThat(e.code()).isEqualTo("dir_already_exists"));
        assertThatThrownBy(() -> client.write("carol/app/a/b", "x"))
                .as("a secret and a directory cannot share a name")
                .isInstanceOfSatisfying(SecretHubException.class, e -> assertThat(e.code()).isIn("dir_already_exists", "secret_already_exists"));
    }

    @Test
    void valuesAreLimitedTo512KiB() {
        byte[] max = new byte[512 * 1024];
        java.util.Arrays.fill(max, (byte) 7);
        client.write("carol/app/big", max);
        assertThat(client.read("carol/app/big").bytes()).isEqualTo(max);
        assertThatThrownBy(() -> client.write("carol/app/big", new byte[512 * 1024 + 1]))
                .isInstanceOfSatisfying(SecretHubException.class, e -> assertThat(e.code()).isEqualTo("value_too_large"));
        assertThat(client.inspect("carol/app/big").versionCount()).isEqualTo(1);
    }

    @Test
    void reposCanBeListedAndDeleted() {
        client.createRepo("carol/scratch");
        assertThat(client.listRepos(null)).extracting(r -> r.path()).contains("carol/app", "carol/scratch");
        assertThat(client.listRepos("carol")).extracting(r -> r.path()).contains("carol/scratch");
        client.write("carol/scratch/k", "v");
        client.deleteRepo("carol/scratch");
        assertThatThrownBy(() -> client.getRepo("carol/scratch"))
                .isInstanceOfSatisfying(SecretHubException.class, e -> assertThat(e.code()).isEqualTo("repo_not_found"));
        assertThatThrownBy(() -> client.createRepo("carol/App"))
                .isInstanceOfSatisfying(SecretHubException.class, e -> assertThat(e.code()).isEqualTo("repo_already_exists"));
    }

    @Test
    void defaultClientComesFromTheEnvironment() {
        client.write("carol/app/env-test", "from-env");
        String encoded = KeyCredentialFile.encode(credential);
        try (SecretHubClient fromEnv = SecretHubClient.builder()
                .environment(Map.of("SECRETHUB_API_REMOTE", server.url(), "SECRETHUB_CREDENTIAL", encoded))
                .build()) {
            assertThat(fromEnv.readString("carol/app/env-test")).isEqualTo("from-env");
        }

        ConfigDir dir = ConfigDir.of(tmp.resolve("config").toString());
        dir.writeCredential(KeyCredentialFile.encode(credential, "pass phrase".toCharArray()), false);
        Map<String, String> env = Map.of("SECRETHUB_API_REMOTE", server.url(), "SECRETHUB_CONFIG_DIR", dir.path().toString());
        try (SecretHubClient withSupplier = SecretHubClient.builder().environment(env).passphrase("pass phrase"::toCharArray).build()) {
            assertThat(withSupplier.readString("carol/app/env-test")).isEqualTo("from-env");
        }
        Map<String, String> withPassphraseEnv = new java.util.HashMap<>(env);
        withPassphraseEnv.put("SECRETHUB_CREDENTIAL_PASSPHRASE", "wrong");
        assertThatThrownBy(() -> SecretHubClient.builder().environment(withPassphraseEnv).build())
                .isInstanceOfSatisfying(SecretHubException.class, e -> assertThat(e.code()).isEqualTo("wrong_passphrase"));
        assertThatThrownBy(() -> SecretHubClient.builder().environment(env).build())
                .isInstanceOfSatisfying(SecretHubException.class, e -> assertThat(e.code()).isEqualTo("passphrase_required"));
        assertThatThrownBy(() -> SecretHubClient.builder().environment(Map.of("SECRETHUB_CONFIG_DIR", tmp.resolve("none").toString())).build())
                .isInstanceOfSatisfying(SecretHubException.class, e -> assertThat(e.code()).isEqualTo("credential_not_configured"));
    }

    @Test
    void aServerThatServesAnotherSecretIsCaught() throws Exception {
        client.mkdir("carol/app/staging", true);
        client.mkdir("carol/app/production", true);
        client.write("carol/app/staging/password", "staging-value");
        client.write("carol/app/production/password", "production-value");
        // Play a malicious server: make production's blind name lead to staging's secret, key and ciphertext.
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("data/secrethub.db"));
             Statement sql = db.createStatement()) {
            sql.execute("PRAGMA busy_timeout = 10000");
            List<String[]> newest = new java.util.ArrayList<>();
            try (ResultSet rows = sql.executeQuery("SELECT id, blind_name FROM nodes WHERE kind = 'secret' ORDER BY created_at DESC LIMIT 2")) {
                while (rows.next()) {
                    newest.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
            String[] production = newest.get(0);
            String[] staging = newest.get(1);
            sql.execute("UPDATE nodes SET blind_name = 'swapping' WHERE id = '" + production[0] + "'");
            sql.execute("UPDATE nodes SET blind_name = '" + production[1] + "' WHERE id = '" + staging[0] + "'");
            sql.execute("UPDATE nodes SET blind_name = '" + staging[1] + "' WHERE id = '" + production[0] + "'");
        }
        assertThatThrownBy(() -> client.read("carol/app/production/password"))
                .isInstanceOfSatisfying(SecretHubException.class, e -> assertThat(e.code()).isEqualTo("tampered_response"));
        assertThatThrownBy(() -> client.write("carol/app/production/password", "new"))
                .isInstanceOfSatisfying(SecretHubException.class, e -> assertThat(e.code()).isEqualTo("tampered_response"));
    }

    @Test
    void anUnknownCredentialIsRefused() {
        try (SecretHubClient stranger = SecretHubClient.builder()
                .environment(Map.of())
                .apiRemote(server.url())
                .credential(io.secrethub.client.credentials.Credentials.useKey(KeyCredential.generate()))
                .build()) {
            assertThatThrownBy(stranger::me)
                    .isInstanceOfSatisfying(SecretHubException.class, e -> {
                        assertThat(e.code()).isEqualTo("unknown_credential");
                        assertThat(e.status()).isEqualTo(401);
                    });
        }
    }
}
