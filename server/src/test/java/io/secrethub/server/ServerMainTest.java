package io.secrethub.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class ServerMainTest {
    private static final Pattern LISTENING = Pattern.compile("secrethub-server listening on http://127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path tmp;

    @Test
    void runsAsAProcessPrintsOneLineAndStopsOnSigterm() throws Exception {
        Path dataDir = tmp.resolve("data");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ServerMain.class.getName(),
                "--port", "0", "--data-dir", dataDir.toString())
                .redirectError(tmp.resolve("stderr.log").toFile())
                .start();
        try {
            BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> {
                try {
                    return stdout.readLine();
                } catch (java.io.IOException e) {
                    return null;
                }
            }).get(30, TimeUnit.SECONDS);
            CompletableFuture<String> restOfStdout = CompletableFuture.supplyAsync(() -> {
                StringBuilder rest = new StringBuilder();
                try {
                    for (String l = stdout.readLine(); l != null; l = stdout.readLine()) {
                        rest.append(l).append('\n');
                    }
                } catch (java.io.IOException e) {
                    // the stream closes when the process ends
                }
                return rest.toString();
            });
            Matcher m = LISTENING.matcher(String.valueOf(line));
            assertThat(m.matches()).as(line).isTrue();
            int port = Integer.parseInt(m.group(1));
            assertThat(port).isPositive();

            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/me")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).contains("not_authenticated");
            assertThat(Files.exists(dataDir.resolve("secrethub.db"))).isTrue();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");

            process.destroy();
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
            assertThat(process.exitValue()).as("exit on SIGTERM").isIn(0, 143);
            assertThat(restOfStdout.get(10, TimeUnit.SECONDS)).as("nothing else on stdout").isEmpty();
            String log = Files.readString(tmp.resolve("stderr.log"));
            assertThat(log).contains("GET /v1/me 401").doesNotContain("Exception").doesNotContain("ERROR");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void badFlagsExitWithTwo() {
        assertThat(run("--port", "abc")).isEqualTo(2);
        assertThat(run("--port", "70000")).isEqualTo(2);
        assertThat(run("--public-url", "not a url")).isEqualTo(2);
        assertThat(run("--no-such-flag")).isEqualTo(2);
    }

    @Test
    void helpAndVersionExitWithZero() {
        assertThat(run("--help")).isZero();
        assertThat(run("--version")).isZero();
    }

    private static int run(String... args) {
        CommandLine cli = new CommandLine(new ServerMain());
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(new StringWriter()));
        return cli.execute(args);
    }
}
