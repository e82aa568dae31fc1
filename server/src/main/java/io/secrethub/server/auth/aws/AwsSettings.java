package io.secrethub.server.auth.aws;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How the server verifies AWS logins.
 *
 * @param partitions        AWS partitions whose regional STS endpoints are accepted (default {@code aws})
 * @param stsOverrides      region → STS URL, for private endpoints and tests
 * @param audience          the audience logins must be signed for, or null for the one derived from the public URL
 * @param sessionTtl        how long a session lasts (default 1 h)
 * @param sessionSecretFile the file holding the secret session keys derive from, or null for {@code <data-dir>/session-secret};
 *                          every node behind one database must share it
 */
public record AwsSettings(Set<String> partitions, Map<String, URI> stsOverrides, String audience, Duration sessionTtl,
                          Path sessionSecretFile) {
    public AwsSettings {
        partitions = Set.copyOf(partitions);
        stsOverrides = Map.copyOf(stsOverrides);
        Objects.requireNonNull(sessionTtl, "sessionTtl");
        if (sessionTtl.isNegative() || sessionTtl.isZero() || sessionTtl.compareTo(Duration.ofHours(12)) > 0) {
            throw new IllegalArgumentException("the session lifetime must be between 1 s and 12 h");
        }
    }

    public static AwsSettings defaults() {
        return new AwsSettings(Set.of("aws"), Map.of(), null, Duration.ofHours(1), null);
    }

    public StsEndpoints endpoints() {
        return StsEndpoints.of(partitions, stsOverrides);
    }
}
