package io.secrethub.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real {@code bin/secrethub-server} process on a loopback port it picks itself, with everything
 * it prints kept in a log file. Stopped by its own PID.
 */
final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("secrethub-server listening on (http://\\S+)");

    private final Process process;
    private final Path log;
    private final String url;

    private ServerProcess(Process process, Path log, String url) {
        this.process = process;
        this.log = log;
        this.url = url;
    }

    static ServerProcess start(Path dataDir, Path log, String... extraArgs) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProjectLayout.launcher("secrethub-server").toString(),
                "--listen", "127.0.0.1", "--port", "0", "--data-dir", dataDir.toString()));
        command.addAll(List.of(extraArgs));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", ProjectLayout.JAVA_HOME);
        Process process = builder.start();
        CompletableFuture<String> url = new CompletableFuture<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    Files.writeString(log, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        url.complete(m.group(1));
                    }
                }
            } catch (IOException e) {
                url.completeExceptionally(e);
            }
            url.completeExceptionally(new IllegalStateException("the server exited before it listened"));
        }, "server-log-pump");
        pump.setDaemon(true);
        pump.start();
        try {
            return new ServerProcess(process, log, url.get(60, TimeUnit.SECONDS));
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("the server did not start; its output:\n" + (Files.exists(log) ? Files.readString(log) : ""), e);
        }
    }

    String url() {
        return url;
    }

    Path log() {
        return log;
    }

    /** SIGTERM to our own process only, then wait; force it if it hangs. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
