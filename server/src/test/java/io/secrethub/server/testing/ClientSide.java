package io.secrethub.server.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import io.secrethub.core.api.RepoApi;
import io.secrethub.core.api.SecretApi;
import io.secrethub.core.api.TreeApi;
import io.secrethub.core.crypto.BindingContext;
import io.secrethub.core.crypto.RepoIndexKey;
import io.secrethub.core.crypto.SealPurpose;
import io.secrethub.core.crypto.SecretKey;
import io.secrethub.core.path.Names;

/** What a real client does before it calls the server: blind names, seal names and keys, encrypt values. */
public final class ClientSide {
    private ClientSide() {}

    /** A repo as its creator knows it. */
    public record RepoKeys(String path, UUID repoId, RepoIndexKey indexKey, UUID rootId, String rootBlind) {
        public String blind(String relativePath) {
            return indexKey.blindName(Names.normalize(path + "/" + relativePath));
        }
    }

    public record NewRepo(RepoApi.CreateRepoRequest request, RepoKeys keys) {}

    public record NewSecret(SecretApi.CreateSecretRequest request, SecretKey key) {}

    public static NewRepo newRepo(TestUser owner, String name) {
        RepoIndexKey indexKey = RepoIndexKey.generate();
        UUID repoId = UUID.randomUUID();
        UUID rootId = UUID.randomUUID();
        String path = owner.name() + "/" + name;
        String rootBlind = indexKey.blindName(Names.normalize(path));
        TreeApi.CreateDirRequest root = new TreeApi.CreateDirRequest(rootId, rootBlind, null,
                List.of(sealName(name, rootId, owner)));
        RepoApi.CreateRepoRequest request = new RepoApi.CreateRepoRequest(repoId, name, root,
                owner.accountKey().publicKey().seal(indexKey.bytes(), SealPurpose.REPO_KEY,
                        BindingContext.repoKey(repoId, owner.accountId())));
        return new NewRepo(request, new RepoKeys(path, repoId, indexKey, rootId, rootBlind));
    }

    public static TreeApi.SealedForAccount sealName(String name, UUID nodeId, TestUser to) {
        return new TreeApi.SealedForAccount(to.accountId(), to.accountKey().publicKey().seal(
                name.getBytes(StandardCharsets.UTF_8), SealPurpose.NAME, BindingContext.name(nodeId, to.accountId())));
    }

    /** @param relativePath the directory below the repo root, e.g. {@code app/prod} */
    public static TreeApi.CreateDirRequest newDir(RepoKeys repo, String relativePath, List<TestUser> readers) {
        UUID dirId = UUID.randomUUID();
        String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
        return new TreeApi.CreateDirRequest(dirId, repo.blind(relativePath), parentBlind(repo, relativePath),
                readers.stream().map(r -> sealName(name, dirId, r)).toList());
    }

    public static NewSecret newSecret(RepoKeys repo, String relativePath, String value, List<TestUser> readers) {
        UUID secretId = UUID.randomUUID();
        UUID keyId = UUID.randomUUID();
        SecretKey key = SecretKey.generate();
        String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
        SecretApi.CreateSecretRequest request = new SecretApi.CreateSecretRequest(secretId, repo.blind(relativePath),
                readers.stream().map(r -> sealName(name, secretId, r)).toList(),
                keyId,
                readers.stream().map(r -> new TreeApi.SealedForAccount(r.accountId(), r.accountKey().publicKey().seal(
                        key.bytes(), SealPurpose.SECRET_KEY, BindingContext.secretKey(secretId, keyId, r.accountId())))).toList(),
                key.encrypt(value.getBytes(StandardCharsets.UTF_8), BindingContext.version(secretId, 1)));
        return new NewSecret(request, key);
    }

    public static SecretApi.CreateVersionRequest newVersion(UUID secretId, int version, UUID keyId, SecretKey key, String value) {
        return new SecretApi.CreateVersionRequest(version, keyId,
                key.encrypt(value.getBytes(StandardCharsets.UTF_8), BindingContext.version(secretId, version)));
    }

    /** Opens a version the server returned, as its reader would: fails if anything was swapped. */
    public static String open(TestUser reader, SecretApi.Version version) {
        byte[] keyBytes = reader.accountKey().open(version.encryptedKey(), SealPurpose.SECRET_KEY,
                BindingContext.secretKey(version.secretId(), version.keyId(), reader.accountId()));
        return new String(SecretKey.of(keyBytes).decrypt(version.encryptedValue(),
                BindingContext.version(version.secretId(), version.version())), StandardCharsets.UTF_8);
    }

    public static String openName(TestUser reader, UUID nodeId, io.secrethub.core.crypto.SealedBox sealed) {
        return new String(reader.accountKey().open(sealed, SealPurpose.NAME, BindingContext.name(nodeId, reader.accountId())),
                StandardCharsets.UTF_8);
    }

    private static String parentBlind(RepoKeys repo, String relativePath) {
        int slash = relativePath.lastIndexOf('/');
        return slash < 0 ? repo.rootBlind() : repo.blind(relativePath.substring(0, slash));
    }
}
