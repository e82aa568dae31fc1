package io.secrethub.core.api;

import java.time.Instant;
import java.util.UUID;

import io.secrethub.core.crypto.SealedBox;

/** Wire types of repos. */
public final class RepoApi {
    private RepoApi() {}

    /**
     * {@code POST /v1/namespaces/{ns}/repos}. The client picks the ids because they are bound into
     * what it seals.
     */
    public record CreateRepoRequest(UUID repoId, String name, TreeApi.CreateDirRequest rootDir, SealedBox sealedIndexKey) {}

    public record Repo(UUID repoId, String namespace, String name, Instant createdAt, int secretCount) {}

    /** {@code GET /v1/namespaces/{ns}/repos/{repo}/key}: the index key sealed to the caller. */
    public record RepoKey(UUID repoId, SealedBox sealedIndexKey) {}
}
