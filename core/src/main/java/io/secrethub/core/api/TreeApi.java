package io.secrethub.core.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.secrethub.core.crypto.SealedBox;

/** Wire types of directories and trees. */
public final class TreeApi {
    private TreeApi() {}

    /** A name or key sealed to one account. */
    public record SealedForAccount(UUID accountId, SealedBox sealed) {}

    /**
     * {@code POST /v1/dirs} (and the root dir of a new repo). Names are sealed to every account that can
     * read the parent, each exactly once.
     */
    public record CreateDirRequest(UUID dirId, String blindName, String parentBlindName, List<SealedForAccount> encryptedNames) {}

    /** A directory as one account sees it: its name sealed to that account. */
    public record Dir(UUID dirId, UUID parentId, String blindName, SealedBox encryptedName, Instant createdAt) {}

    /** {@code GET /v1/dirs/{blind}?depth=N}: the directory, its subdirectories and secrets down to depth N. */
    public record Tree(UUID rootId, List<Dir> dirs, List<SecretApi.Secret> secrets) {}
}
