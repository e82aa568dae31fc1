package io.secrethub.server;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a server runs.
 *
 * @param listenAddress the address to bind, e.g. 127.0.0.1
 * @param port          the port to bind; 0 picks a free one
 * @param dataDir       where {@code secrethub.db} lives; created with mode 0700 if missing
 * @param publicUrl     the URL clients reach this server at, or null for {@code http://<listen>:<port>};
 *                      the audience of AWS logins is derived from it
 * @param allowSignup   whether anyone may sign up (a development server)
 * @param aws           how AWS logins are verified
 */
public record ServerConfig(String listenAddress, int port, Path dataDir, String publicUrl, boolean allowSignup,
                           io.secrethub.server.auth.aws.AwsSettings aws) {
    public ServerConfig(String listenAddress, int port, Path dataDir, String publicUrl, boolean allowSignup) {
        this(listenAddress, port, dataDir, publicUrl, allowSignup, io.secrethub.server.auth.aws.AwsSettings.defaults());
    }

    public ServerConfig {
        Objects.requireNonNull(listenAddress, "listenAddress");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(aws, "aws");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535");
        }
    }

    /** The public URL, defaulting to the address and the port the server actually bound. */
    public String publicUrl(int boundPort) {
        return publicUrl != null ? publicUrl : localUrl(listenAddress, boundPort);
    }

    static String localUrl(String host, int port) {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "http://" + h + ":" + port;
    }
}
