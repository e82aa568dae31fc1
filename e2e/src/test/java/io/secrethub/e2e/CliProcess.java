package io.secrethub.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code bin/secrethub} as a separate process with a chosen environment. */
final class CliProcess {
    record Result(int exitCode, String stdout, String stderr) {
        Result assertOk() {
            if (exitCode != 0) {
                throw new AssertionError("secrethub exited " + exitCode + "\nstdout: " + stdout + "\nstderr: " + stderr);
            }
            return this;
        }
    }

    private final Map<String, String> env = new HashMap<>();

    CliProcess(Map<String, String> env) {
        this.env.putAll(env);
    }

    CliProcess with(String name, String value) {
        CliProcess copy = new CliProcess(env);
        copy.env.put(name, value);
        return copy;
    }

    Result run(String... args) throws Exception {
        return runWithInput(null, args);
    }

    Result runWithInput(byte[] stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProjectLayout.launcher("secrethub").toString());
        command.addAll(List.of(args));
        return start(command, stdin, args);
    }

    /**
     * Runs the CLI in a pseudo-terminal ({@code script} from util-linux), as a person at a keyboard
     * would, typing {@code typed} at its prompts. stdout and stderr both arrive in {@code stdout}.
     */
    Result runInTerminal(String typed, String... args) throws Exception {
        StringBuilder line = new StringBuilder(quote(ProjectLayout.launcher("secrethub").toString()));
        for (String arg : args) {
            line.append(' ').append(quote(arg));
        }
        return start(List.of("script", "-qec", line.toString(), "/dev/null"), typed.getBytes(StandardCharsets.UTF_8), args);
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private Result start(List<String> command, byte[] stdin, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("SECRETHUB_") || k.startsWith("AWS_"));
        builder.environment().putAll(env);
        builder.environment().put("JAVA_HOME", ProjectLayout.JAVA_HOME);
        Process process = builder.start();
        CompletableFuture<byte[]> out = drain(process.getInputStream());
        CompletableFuture<byte[]> err = drain(process.getErrorStream());
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin);
            }
        } catch (IOException ignored) {
            // The CLI may refuse before reading its input; its exit code says why.
        }
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("secrethub " + String.join(" ", args) + " did not finish");
        }
        return new Result(process.exitValue(), new String(out.get(), StandardCharsets.UTF_8), new String(err.get(), StandardCharsets.UTF_8));
    }

    private static CompletableFuture<byte[]> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream; ByteArrayOutputStream buffer = new ByteArrayOutputStream()) {
                stream.transferTo(buffer);
                return buffer.toByteArray();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
