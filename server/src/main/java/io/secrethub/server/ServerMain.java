package io.secrethub.server;

import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code secrethub-server}: runs the API server until SIGTERM or Ctrl-C. */
@Command(name = "secrethub-server", mixinStandardHelpOptions = true, versionProvider = ServerMain.Version.class,
        description = "Runs the SecretHub API server.")
public final class ServerMain implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServerMain.class);

    @Spec
    private CommandSpec spec;

    @Option(names = "--listen", paramLabel = "<address>", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    private String listen;

    @Option(names = "--port", paramLabel = "<n>", defaultValue = "8080",
            description = "Port to listen on; 0 picks a free port (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--data-dir", paramLabel = "<dir>", defaultValue = "./data",
            description = "Directory of the database secrethub.db; created with mode 0700 if missing (default: ${DEFAULT-VALUE}).")
    private Path dataDir;

    @Option(names = "--public-url", paramLabel = "<url>",
            description = "URL clients reach this server at (default: http://<listen>:<port>).")
    private String publicUrl;

    @Option(names = "--allow-signup", description = "Let anyone sign up: for a development server.")
    private boolean allowSignup;

    @Option(names = "--aws-partition", paramLabel = "<partition>", split = ",", defaultValue = "aws",
            description = "AWS partitions whose regional STS endpoints AWS logins may use: aws, aws-cn, aws-us-gov (default: ${DEFAULT-VALUE}).")
    private java.util.List<String> awsPartitions;

    @Option(names = "--aws-sts-endpoint", paramLabel = "<region>=<url>",
            description = "The STS endpoint to verify AWS logins of a region with, e.g. a VPC endpoint; repeatable.")
    private java.util.Map<String, String> awsStsEndpoints = new java.util.LinkedHashMap<>();

    @Option(names = "--aws-audience", paramLabel = "<audience>",
            description = "The audience AWS logins must be signed for (default: the public URL as scheme://host[:port]).")
    private String awsAudience;

    @Option(names = "--aws-session-ttl", paramLabel = "<seconds>", defaultValue = "3600",
            description = "How long a session from an AWS login lasts, in seconds (default: ${DEFAULT-VALUE}).")
    private long awsSessionTtl;

    @Option(names = "--session-secret-file", paramLabel = "<file>",
            description = "The secret session keys derive from; shared by all nodes on one database (default: <data-dir>/session-secret).")
    private Path sessionSecretFile;

    public static void main(String[] args) {
        int exit = new CommandLine(new ServerMain()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be 0 to 65535, not " + port);
        }
        if (publicUrl != null) {
            checkPublicUrl(publicUrl);
        }
        io.secrethub.server.auth.aws.AwsSettings aws;
        try {
            java.util.Map<String, URI> overrides = new java.util.LinkedHashMap<>();
            awsStsEndpoints.forEach((region, url) -> overrides.put(region, URI.create(url)));
            aws = new io.secrethub.server.auth.aws.AwsSettings(java.util.Set.copyOf(awsPartitions), overrides, awsAudience,
                    java.time.Duration.ofSeconds(awsSessionTtl), sessionSecretFile);
            aws.endpoints();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        ServerConfig config = new ServerConfig(listen, port, dataDir, publicUrl, allowSignup, aws);
        ApiServer server = new ApiServer(config);
        try {
            server.start();
        } catch (RuntimeException e) {
            LOG.error("the server could not start", e);
            PrintWriter err = spec.commandLine().getErr();
            err.println("secrethub-server: could not start: " + e.getMessage());
            err.flush();
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "secrethub-server-shutdown"));
        System.out.println("secrethub-server listening on " + server.listenUrl());
        System.out.flush();
        stopped.await();
        return 0;
    }

    private void checkPublicUrl(String url) {
        try {
            URI uri = new URI(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new URISyntaxException(url, "not an absolute http(s) URL");
            }
        } catch (URISyntaxException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--public-url must be an absolute http:// or https:// URL");
        }
    }

    /** The version from the jar's manifest, which Maven writes at packaging time. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = ServerMain.class.getPackage().getImplementationVersion();
            return new String[] {"secrethub-server " + (version == null ? "(development build)" : version)};
        }
    }
}
