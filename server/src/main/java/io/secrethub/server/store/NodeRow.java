package io.secrethub.server.store;

import java.time.Instant;
import java.util.UUID;

/**
 * A directory or a secret. {@code parentId} is null only for a repo's root directory;
 * {@code latestVersion} and {@code versionCount} are 0 for directories.
 */
public record NodeRow(UUID id, UUID repoId, UUID parentId, String kind, String blindName, Instant createdAt,
                      int latestVersion, int versionCount) {
    public static final String DIR = "dir";
    public static final String SECRET = "secret";

    public boolean isDir() {
        return DIR.equals(kind);
    }

    public boolean isSecret() {
        return SECRET.equals(kind);
    }

    public boolean isRootDir() {
        return isDir() && parentId == null;
    }
}
