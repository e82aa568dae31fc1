package io.secrethub.client;

import java.time.Instant;
import java.util.List;

/** What {@code inspect} shows of a secret: its versions, without values. */
public record SecretInfo(String path, int latestVersion, int versionCount, Instant createdAt, List<VersionInfo> versions) {
    public record VersionInfo(int version, Instant createdAt) {}
}
