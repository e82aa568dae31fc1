package io.secrethub.e2e;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The real awscli against moto, as a new user would type it. */
final class AwsCli {
    private final String endpoint;
    private final Map<String, String> env = new HashMap<>();

    AwsCli(String endpoint, String accessKeyId, String secretAccessKey, String sessionToken) {
        this.endpoint = endpoint;
        env.put("AWS_ACCESS_KEY_ID", accessKeyId);
        env.put("AWS_SECRET_ACCESS_KEY", secretAccessKey);
        if (sessionToken != null) {
            env.put("AWS_SESSION_TOKEN", sessionToken);
        }
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_PAGER", "");
    }

    /** Runs {@code aws <args> --endpoint-url <moto> --output text} and returns its trimmed stdout. */
    String run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", endpoint, "--output", "text"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("aws " + String.join(" ", args) + " failed: " + new String(err, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8).strip();
    }
}
