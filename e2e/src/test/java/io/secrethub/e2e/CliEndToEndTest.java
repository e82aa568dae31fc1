package io.secrethub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real server process on a temporary SQLite file, driven by the real CLI. At the end, the
 * database files and the server's log are searched for every value and every secret and directory
 * name the test wrote: none may appear.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.MethodName.class)
class CliEndToEndTest {
    /** One folder for the whole class: its server, configs and logs. */
    private Path tmp;

    private ServerProcess server;
    private Path dataDir;
    private CliProcess alice;
    /** Every plaintext the server must never see. */
    private final List<String> plaintexts = new ArrayList<>();

    private String track(String plaintext) {
        plaintexts.add(plaintext);
        return plaintext;
    }

    @BeforeAll
    void startServer(@TempDir Path classDir) throws Exception {
        tmp = classDir;
        dataDir = tmp.resolve("data");
        server = ServerProcess.start(dataDir, tmp.resolve("server.log"), "--allow-signup");
        alice = new CliProcess(Map.of(
                "SECRETHUB_API_REMOTE", server.url(),
                "SECRETHUB_CONFIG_DIR", tmp.resolve("alice-config").toString()));
        alice.run("signup", "--username", "alice", "--email", "alice@example.com", "--full-name", "Alice Example").assertOk();
        alice.run("repo", "init", "alice/app").assertOk();
    }

    @AfterAll
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void secretsLifecycleThroughTheCli() throws Exception {
        String dir = track("vaultdirq7x");
        String sub = track("subdirz9k");
        String secret = track("dbpasswordw4m");
        String path = "alice/app/" + dir + "/" + sub + "/" + secret;
        String v1 = track("first-value-" + UUID.randomUUID());
        String v2 = track("second-value-" + UUID.randomUUID());
        String v3 = track("third value " + UUID.randomUUID());

        alice.run("mkdir", "--parents", "alice/app/" + dir + "/" + sub).assertOk();
        assertThat(alice.runWithInput(v1.getBytes(StandardCharsets.UTF_8), "write", path).assertOk().stdout()).contains(path + ":1");
        assertThat(alice.runWithInput(("  " + v2 + "\n").getBytes(StandardCharsets.UTF_8), "write", path).assertOk().stdout()).contains(path + ":2");
        Path inFile = tmp.resolve("value.txt");
        Files.writeString(inFile, "  " + v3 + "  \n");
        alice.run("write", "--no-trim", "--in-file", inFile.toString(), path).assertOk();

        assertThat(alice.run("read", path).assertOk().stdout()).isEqualTo("  " + v3 + "  \n\n");
        assertThat(alice.run("read", path + ":1").assertOk().stdout()).isEqualTo(v1 + "\n");
        assertThat(alice.run("read", "-n", path.toUpperCase(Locale.ROOT).replace("ALICE/APP", "alice/app") + ":2").assertOk().stdout())
                .as("names are case-insensitive and :2 selects a version").isEqualTo(v2);
        Path outFile = tmp.resolve("out.txt");
        alice.run("read", "-o", outFile.toString(), "--file-mode", "0640", path + ":1").assertOk();
        assertThat(Files.readString(outFile)).isEqualTo(v1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(outFile))).isEqualTo("rw-r-----");

        assertThat(alice.run("ls", "-q", "alice/app/" + dir).assertOk().stdout()).isEqualTo(sub + "/\n");
        assertThat(alice.run("ls", "alice/app/" + dir + "/" + sub).assertOk().stdout()).contains(secret).contains("3");
        assertThat(alice.run("ls", "-q", path).assertOk().stdout()).isEqualTo("1\n2\n3\n");
        assertThat(alice.run("tree", "alice/app/" + dir).assertOk().stdout())
                .startsWith(dir + "/\n").contains(sub + "/").contains(secret).contains("1 directory, 1 secret");
        assertThat(alice.run("inspect", path).assertOk().stdout()).contains("\"VersionCount\" : 3");

        String generated = track("generatedkeyb2v");
        alice.run("generate", "--length", "40", "--charset", "numeric", "--min", "symbols:3", "alice/app/" + dir + "/" + generated).assertOk();
        String value = alice.run("read", "-n", "alice/app/" + dir + "/" + generated).assertOk().stdout();
        assertThat(value).hasSize(40).matches("[0-9!@#$%^*\\-_+=.,?]+");
        assertThat(value.chars().filter(c -> "!@#$%^*-_+=.,?".indexOf(c) >= 0).count()).isGreaterThanOrEqualTo(3);
        plaintexts.add(value);

        alice.run("rm", "--force", path + ":2").assertOk();
        assertThat(alice.run("ls", "-q", path).assertOk().stdout()).isEqualTo("1\n3\n");
        CliProcess.Result missingVersion = alice.run("read", path + ":2");
        assertThat(missingVersion.exitCode()).isNotZero();
        assertThat(missingVersion.stderr()).contains("version_not_found").contains(path + ":2");

        alice.run("rm", "-f", path).assertOk();
        CliProcess.Result missing = alice.run("read", path);
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.stderr()).contains("secret " + path + " does not exist").contains("secret_not_found");

        CliProcess.Result notRecursive = alice.run("rm", "-f", "alice/app/" + dir);
        assertThat(notRecursive.exitCode()).isNotZero();
        assertThat(notRecursive.stderr()).contains("-r");
        alice.run("rm", "-r", "-f", "alice/app/" + dir).assertOk();
        assertThat(alice.run("ls", "-q", "alice/app").assertOk().stdout()).doesNotContain(dir);
    }

    @Test
    void badInputGetsAClearMessageAndANonZeroExit() throws Exception {
        expectFailure(alice.run("read", "alice/app//x"), "empty segment");
        expectFailure(alice.run("read", "alice/app/x:0"), "version");
        expectFailure(alice.run("mkdir", "alice/app/bad name"), "may only contain");
        expectFailure(alice.run("repo", "init", "alice/" + "r".repeat(33)), "1 to 32");
        expectFailure(alice.runWithInput(new byte[0], "write", "alice/app/empty"), "empty");
        byte[] tooLarge = new byte[512 * 1024 + 1];
        java.util.Arrays.fill(tooLarge, (byte) 'a');
        expectFailure(alice.runWithInput(tooLarge, "write", "alice/app/huge"), "512 KiB");
        expectFailure(alice.run("read", "alice/app/nothing-here"), "secret_not_found");
        expectFailure(alice.run("ls", "alice/nope"), "repo_not_found");
        expectFailure(alice.run("rm", "alice/app/x"), "secret_not_found");
        expectFailure(alice.run("frobnicate"), "Unmatched argument");
        assertThat(alice.run("read", "alice/app/huge").exitCode()).as("nothing half-written").isNotZero();
    }

    @Test
    void passphraseProtectedCredential() throws Exception {
        CliProcess bob = new CliProcess(Map.of(
                "SECRETHUB_API_REMOTE", server.url(),
                "SECRETHUB_CONFIG_DIR", tmp.resolve("bob-config").toString()));
        bob.with("SECRETHUB_CREDENTIAL_PASSPHRASE", "correct horse battery")
                .run("signup", "--username", "bob", "--email", "bob@example.com", "--full-name", "Bob").assertOk();
        Path credential = tmp.resolve("bob-config/credential");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credential))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credential.getParent()))).isEqualTo("rwx------");

        assertThat(bob.run("--credential-passphrase", "correct horse battery", "account", "inspect").assertOk().stdout())
                .contains("\"Username\" : \"bob\"");
        expectFailure(bob.with("SECRETHUB_CREDENTIAL_PASSPHRASE", "wrong").run("account", "inspect"), "passphrase is wrong");
        expectFailure(bob.run("account", "inspect"), "SECRETHUB_CREDENTIAL_PASSPHRASE");

        // The credential can also come from SECRETHUB_CREDENTIAL, with no config dir at all.
        CliProcess inline = new CliProcess(Map.of(
                "SECRETHUB_API_REMOTE", server.url(),
                "SECRETHUB_CONFIG_DIR", tmp.resolve("empty-config").toString(),
                "SECRETHUB_CREDENTIAL", Files.readString(credential).strip(),
                "SECRETHUB_CREDENTIAL_PASSPHRASE", "correct horse battery"));
        assertThat(inline.run("credential", "ls").assertOk().stdout()).contains("key").contains("enabled");

        // Bob cannot see Alice's repo.
        expectFailure(inline.run("ls", "alice/app"), "repo_not_found");
    }

    @Test
    void promptsAtATerminal() throws Exception {
        String typed = track("typed-at-the-prompt-" + UUID.randomUUID());
        alice.runInTerminal(typed + "\n", "write", "alice/app/typedsecretx4").assertOk();
        assertThat(alice.run("read", "alice/app/typedsecretx4").assertOk().stdout()).isEqualTo(typed + "\n");

        String first = track("multi-line-one-" + UUID.randomUUID());
        String second = track("multi-line-two-" + UUID.randomUUID());
        alice.runInTerminal(first + "\n" + second + "\n\u0004", "write", "--multiline", "alice/app/multilinesecretq2").assertOk();
        assertThat(alice.run("read", "alice/app/multilinesecretq2").assertOk().stdout()).isEqualTo(first + "\n" + second + "\n");

        // A protected credential asks for its passphrase, up to three times.
        CliProcess dora = new CliProcess(Map.of("SECRETHUB_API_REMOTE", server.url(),
                "SECRETHUB_CONFIG_DIR", tmp.resolve("dora-config").toString()));
        dora.runInTerminal("tty pass phrase\ntty pass phrase\n", "signup", "--username", "dora", "--email", "dora@example.com",
                "--full-name", "Dora").assertOk();
        CliProcess.Result retried = dora.runInTerminal("wrong\ntty pass phrase\n", "account", "inspect");
        retried.assertOk();
        assertThat(retried.stdout()).contains("Wrong passphrase, please try again.").contains("\"Username\" : \"dora\"");
        CliProcess.Result refused = dora.runInTerminal("one\ntwo\nthree\n", "account", "inspect");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stdout()).contains("passphrase is wrong");

        // Destructive commands ask for the name, and stop on anything else.
        CliProcess.Result declined = alice.runInTerminal("nope\n", "rm", "alice/app/typedsecretx4");
        assertThat(declined.exitCode()).isNotZero();
        assertThat(alice.run("read", "alice/app/typedsecretx4").exitCode()).isZero();
        alice.runInTerminal("alice/app/typedsecretx4\n", "rm", "alice/app/typedsecretx4").assertOk();
        assertThat(alice.run("read", "alice/app/typedsecretx4").exitCode()).isNotZero();
    }

    @Test
    void helpWorksOnEveryCommand() throws Exception {
        for (String[] command : List.of(new String[] {"--help"}, new String[] {"signup", "--help"}, new String[] {"repo", "init", "--help"},
                new String[] {"repo", "ls", "--help"}, new String[] {"repo", "rm", "--help"}, new String[] {"repo", "inspect", "--help"},
                new String[] {"mkdir", "--help"}, new String[] {"write", "--help"}, new String[] {"read", "--help"},
                new String[] {"ls", "--help"}, new String[] {"tree", "--help"}, new String[] {"rm", "--help"},
                new String[] {"generate", "--help"}, new String[] {"inspect", "--help"}, new String[] {"account", "inspect", "--help"},
                new String[] {"credential", "ls", "--help"})) {
            assertThat(alice.run(command).assertOk().stdout()).as(String.join(" ", command)).contains("Usage: secrethub");
        }
    }

    /** Runs last (methods run in name order): the scan covers everything the tests above wrote. */
    @Test
    void zzServerNeverStoresOrLogsAPlaintext() throws Exception {
        String keep = track("keptsecretname5");
        String keepValue = track("kept-value-" + UUID.randomUUID());
        alice.run("mkdir", "alice/app/" + track("keptdirj3")).assertOk();
        alice.runWithInput(keepValue.getBytes(StandardCharsets.UTF_8), "write", "alice/app/keptdirj3/" + keep).assertOk();

        assertNoPlaintextIn(dataDirFiles(), "while the server runs");
        server.close();
        assertNoPlaintextIn(dataDirFiles(), "after the server stopped");
        assertThat(Files.readString(server.log())).contains("listening");
        assertNoPlaintextIn(List.of(server.log()), "in the server's log");
        server = ServerProcess.start(dataDir, tmp.resolve("server2.log"), "--allow-signup");
        alice = alice.with("SECRETHUB_API_REMOTE", server.url());
        assertThat(alice.run("read", "-n", "alice/app/keptdirj3/" + keep).assertOk().stdout()).as("data survives a restart").isEqualTo(keepValue);
    }

    private List<Path> dataDirFiles() throws Exception {
        try (Stream<Path> files = Files.list(dataDir)) {
            List<Path> list = files.filter(Files::isRegularFile).toList();
            assertThat(list.stream().map(p -> p.getFileName().toString())).contains("secrethub.db");
            return list;
        }
    }

    private void assertNoPlaintextIn(List<Path> files, String when) throws Exception {
        assertThat(plaintexts).isNotEmpty();
        for (Path file : files) {
            String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            String lower = content.toLowerCase(Locale.ROOT);
            for (String plaintext : plaintexts) {
                assertThat(lower).as("%s must not contain '%s' %s", file.getFileName(), plaintext, when)
                        .doesNotContain(plaintext.toLowerCase(Locale.ROOT).strip());
            }
        }
    }

    private static void expectFailure(CliProcess.Result result, String messagePart) {
        assertThat(result.exitCode()).as("exit code; stderr: " + result.stderr()).isNotZero();
        assertThat(result.stderr()).contains(messagePart);
    }
}
