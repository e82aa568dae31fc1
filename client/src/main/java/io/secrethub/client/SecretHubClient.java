package io.secrethub.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JavaType;
import io.secrethub.client.credentials.Credential;
import io.secrethub.client.credentials.Credentials;
import io.secrethub.client.http.ApiTransport;
import io.secrethub.client.http.Json;
import io.secrethub.client.aws.AwsServiceAccountFactory;
import io.secrethub.client.aws.AwsServiceAccountRequest;
import io.secrethub.core.api.AccountApi;
import io.secrethub.core.api.AwsApi;
import io.secrethub.core.api.ErrorCode;
import io.secrethub.core.api.Limits;
import io.secrethub.core.api.Permission;
import io.secrethub.core.api.RepoApi;
import io.secrethub.core.api.SecretApi;
import io.secrethub.core.api.TreeApi;
import io.secrethub.core.crypto.BindingContext;
import io.secrethub.core.crypto.CryptoException;
import io.secrethub.core.crypto.KeyCredential;
import io.secrethub.core.crypto.RecipientKeyPair;
import io.secrethub.core.crypto.RecipientPublicKey;
import io.secrethub.core.crypto.RepoIndexKey;
import io.secrethub.core.crypto.SealPurpose;
import io.secrethub.core.crypto.SealedBox;
import io.secrethub.core.crypto.SecretIds;
import io.secrethub.core.crypto.SecretKey;
import io.secrethub.core.crypto.Suite;
import io.secrethub.core.path.DirPath;
import io.secrethub.core.path.Names;
import io.secrethub.core.path.RepoPath;
import io.secrethub.core.path.SecretPath;
import io.secrethub.core.signing.RequestSigner;

/**
 * The SecretHub Java SDK. Everything is encrypted and decrypted here, in the client: the server only
 * ever sees ciphertexts, blind names and public keys.
 *
 * <pre>{@code
 * try (SecretHubClient client = SecretHubClient.create()) {   // SECRETHUB_* environment variables
 *     String password = client.readString("my-org/my-repo/db/password");
 * }
 * }</pre>
 *
 * <p>Paths are written {@code namespace/repo/dir/.../secret[:version]}. Names are case-insensitive
 * but keep their case. A client is safe to share between threads.
 */
public final class SecretHubClient implements AutoCloseable {
    /** The server used when neither {@code SECRETHUB_API_REMOTE} nor {@link Builder#apiRemote} says otherwise. */
    public static final String DEFAULT_API_REMOTE = "http://127.0.0.1:8080";
    public static final String API_REMOTE_ENV = "SECRETHUB_API_REMOTE";
    public static final String IDENTITY_PROVIDER_ENV = "SECRETHUB_IDENTITY_PROVIDER";
    private static final int MAX_RETRIES = 3;

    private final ApiTransport api;
    private final Credential credential;
    private final Map<String, RepoKeys> repoKeys = new ConcurrentHashMap<>();
    private volatile RequestSigner signer;
    private volatile Unlocked unlocked;

    private record Unlocked(UUID accountId, RecipientKeyPair accountKey) {}

    private record RepoKeys(UUID repoId, RepoIndexKey indexKey) {}

    private SecretHubClient(ApiTransport api, Credential credential) {
        this.api = api;
        this.credential = credential;
    }

    /** A client configured entirely from the {@code SECRETHUB_*} environment variables. */
    public static SecretHubClient create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Configures a {@link SecretHubClient}. Anything not set comes from the environment. */
    public static final class Builder {
        private Credential credential;
        private URI apiRemote;
        private Map<String, String> environment = System.getenv();
        private Supplier<char[]> passphrase;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** The credential to use instead of the default one. */
        public Builder credential(Credential credential) {
            this.credential = Objects.requireNonNull(credential);
            return this;
        }

        /** The server, e.g. {@code https://secrethub.example.com}, instead of {@code SECRETHUB_API_REMOTE}. */
        public Builder apiRemote(String apiRemote) {
            return apiRemote(URI.create(apiRemote));
        }

        public Builder apiRemote(URI apiRemote) {
            this.apiRemote = Objects.requireNonNull(apiRemote);
            return this;
        }

        /** Asked for the passphrase of a protected credential when {@code SECRETHUB_CREDENTIAL_PASSPHRASE} is not set. */
        public Builder passphrase(Supplier<char[]> passphrase) {
            this.passphrase = passphrase;
            return this;
        }

        /** The environment variables to read instead of the process's own (for tests and embedding). */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        /** The clock that dates request signatures. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public SecretHubClient build() {
            URI remote = apiRemote != null ? apiRemote : URI.create(environment.getOrDefault(API_REMOTE_ENV, DEFAULT_API_REMOTE));
            Credential chosen = credential != null ? credential : defaultCredential();
            return new SecretHubClient(new ApiTransport(remote, clock), chosen);
        }

        private Credential defaultCredential() {
            String provider = environment.getOrDefault(IDENTITY_PROVIDER_ENV, "key").toLowerCase(Locale.ROOT);
            return switch (provider) {
                case "", "key" -> Credentials.fromEnvironment(environment, passphrase);
                case "aws" -> Credentials.useAws();
                default -> throw new SecretHubException("invalid_identity_provider", "unknown identity provider '" + provider
                        + "' in " + IDENTITY_PROVIDER_ENV + "; use 'key' or 'aws'");
            };
        }
    }

    /**
     * Creates a user account with {@code credential} as its first credential, and returns a client
     * signed in with it. The server must allow sign-up.
     */
    public static SecretHubClient signup(URI apiRemote, String username, String email, String fullName,
                                         KeyCredential credential, String credentialDescription) {
        Names.requireUsername(username);
        Credential cred = Credentials.useKey(credential);
        ApiTransport api = new ApiTransport(apiRemote, Clock.systemUTC());
        UUID accountId = UUID.randomUUID();
        RecipientKeyPair accountKey = RecipientKeyPair.generate();
        try {
            var request = new AccountApi.SignupRequest(accountId, username, email, fullName,
                    publicKeyOf(accountKey.publicKey()),
                    new AccountApi.NewCredential(KeyCredential.TYPE, credential.fingerprint(), credential.verifier(),
                            credentialDescription, credential.sealAccountKey(accountKey, accountId)));
            api.call("POST", "/v1/users", request, cred.signer(api), AccountApi.Account.class);
        } catch (RuntimeException e) {
            api.close();
            throw e;
        } finally {
            accountKey.destroy();
        }
        return new SecretHubClient(api, cred);
    }

    // ---- account ----

    /** Who am I: the account this client is signed in as. */
    public AccountInfo me() {
        AccountApi.Account a = call("GET", "/v1/me", null, AccountApi.Account.class);
        return new AccountInfo(a.accountId(), a.name(), a.accountType(), a.email(), a.fullName(), a.createdAt());
    }

    /** The credentials of this account. */
    public List<CredentialInfo> credentials() {
        List<AccountApi.Credential> list = call("GET", "/v1/me/credentials", null, listOf(AccountApi.Credential.class));
        return list.stream().map(c -> new CredentialInfo(c.fingerprint(), c.type(), c.description(), c.enabled(),
                c.createdAt(), c.metadata() == null ? Map.of() : c.metadata())).toList();
    }

    /** Disables a credential of this account, so it can no longer sign in. */
    public void disableCredential(String fingerprint) {
        call("PATCH", "/v1/me/credentials/" + fingerprint, new AccountApi.UpdateCredentialRequest(false), AccountApi.Credential.class);
    }

    // ---- repos ----

    /** Creates {@code namespace/repo} with a fresh index key; only the caller can read it. */
    public Repo createRepo(String repoPath) {
        RepoPath repo = RepoPath.parse(repoPath);
        Unlocked me = unlock();
        UUID repoId = UUID.randomUUID();
        UUID rootId = UUID.randomUUID();
        RepoIndexKey indexKey = RepoIndexKey.generate();
        String rootBlind = indexKey.blindName(repo.rootDir().blindInput());
        SealedBox rootName = me.accountKey.publicKey().seal(utf8(repo.repo()), SealPurpose.NAME, BindingContext.name(rootId, me.accountId));
        byte[] keyBytes = indexKey.bytes();
        SealedBox sealedIndexKey = me.accountKey.publicKey().seal(keyBytes, SealPurpose.REPO_KEY, BindingContext.repoKey(repoId, me.accountId));
        Arrays.fill(keyBytes, (byte) 0);
        var request = new RepoApi.CreateRepoRequest(repoId, repo.repo(),
                new TreeApi.CreateDirRequest(rootId, rootBlind, rootBlind, List.of(new TreeApi.SealedForAccount(me.accountId, rootName))),
                sealedIndexKey);
        RepoApi.Repo created = call("POST", "/v1/namespaces/" + repo.namespace() + "/repos", request, RepoApi.Repo.class);
        repoKeys.put(cacheKey(repo), new RepoKeys(repoId, indexKey));
        return toRepo(created);
    }

    public Repo getRepo(String repoPath) {
        RepoPath repo = RepoPath.parse(repoPath);
        return toRepo(notFoundAs(() -> call("GET", repoUrl(repo), null, RepoApi.Repo.class), repo.toString()));
    }

    /** The repos in {@code namespace} this account can read, or all of them when {@code namespace} is null. */
    public List<Repo> listRepos(String namespace) {
        String url = namespace == null ? "/v1/me/repos"
                : "/v1/namespaces/" + Names.requireNamespace(namespace) + "/repos";
        List<RepoApi.Repo> repos = call("GET", url, null, listOf(RepoApi.Repo.class));
        return repos.stream().map(SecretHubClient::toRepo).sorted(Comparator.comparing(Repo::path)).toList();
    }

    /** Deletes a repo with everything in it. */
    public void deleteRepo(String repoPath) {
        RepoPath repo = RepoPath.parse(repoPath);
        notFoundAs(() -> call("DELETE", repoUrl(repo), null, Map.class), repo.toString());
        repoKeys.remove(cacheKey(repo));
    }

    // ---- directories ----

    /** Creates a directory; with {@code parents}, also its missing parents, and an existing directory is fine. */
    public void mkdir(String dirPath, boolean parents) {
        DirPath dir = DirPath.parse(dirPath);
        if (dir.isRoot()) {
            if (parents) {
                return;
            }
            throw new SecretHubException(ErrorCode.DIR_ALREADY_EXISTS.code(), "directory " + dir + " already exists: it is the repo's root");
        }
        try {
            createDir(dir);
        } catch (SecretHubException e) {
            if (parents && e.is(ErrorCode.DIR_NOT_FOUND)) {
                mkdir(dir.parent().toString(), true);
                createDir(dir);
            } else if (parents && e.is(ErrorCode.DIR_ALREADY_EXISTS)) {
                return;
            } else {
                throw e;
            }
        }
    }

    private void createDir(DirPath dir) {
        RepoKeys keys = repoKeys(dir.repo());
        String blind = keys.indexKey.blindName(dir.blindInput());
        String parentBlind = keys.indexKey.blindName(dir.parent().blindInput());
        UUID dirId = UUID.randomUUID();
        withReaderRetries(parentBlind, dir.parent(), readers -> {
            var request = new TreeApi.CreateDirRequest(dirId, blind, parentBlind,
                    sealForAll(readers, utf8(dir.name()), SealPurpose.NAME, a -> BindingContext.name(dirId, a)));
            try {
                return call("POST", "/v1/dirs", request, TreeApi.Dir.class);
            } catch (SecretHubException e) {
                throw rename(e, dir.toString(), dir.parent().toString());
            }
        });
    }

    /** The whole directory tree below {@code dirPath}. */
    public TreeNode tree(String dirPath) {
        return tree(DirPath.parse(dirPath), -1);
    }

    /** The entries directly in a directory, sorted by name, with their latest version and creation time. */
    public List<DirEntry> list(String dirPath) {
        DirPath dir = DirPath.parse(dirPath);
        TreeApi.Tree tree = fetchTree(dir, 1);
        Unlocked me = unlock();
        List<DirEntry> entries = new ArrayList<>();
        for (TreeApi.Dir d : tree.dirs()) {
            if (!d.dirId().equals(tree.rootId())) {
                String name = openName(me, d.encryptedName(), d.dirId());
                entries.add(new DirEntry(name, dir + "/" + name, true, 0, d.createdAt()));
            }
        }
        for (SecretApi.Secret s : tree.secrets()) {
            String name = openName(me, s.encryptedName(), s.secretId());
            entries.add(new DirEntry(name, dir + "/" + name, false, s.latestVersion(), s.createdAt()));
        }
        entries.sort(Comparator.comparing(e -> e.name().toLowerCase(Locale.ROOT)));
        return entries;
    }

    private TreeNode tree(DirPath dir, int depth) {
        TreeApi.Tree tree = fetchTree(dir, depth);
        Unlocked me = unlock();
        Map<UUID, List<TreeApi.Dir>> childDirs = new HashMap<>();
        Map<UUID, List<SecretApi.Secret>> childSecrets = new HashMap<>();
        for (TreeApi.Dir d : tree.dirs()) {
            if (d.parentId() != null && !d.dirId().equals(tree.rootId())) {
                childDirs.computeIfAbsent(d.parentId(), k -> new ArrayList<>()).add(d);
            }
        }
        for (SecretApi.Secret s : tree.secrets()) {
            childSecrets.computeIfAbsent(s.dirId(), k -> new ArrayList<>()).add(s);
        }
        return buildNode(me, tree.rootId(), dir.name(), dir.toString(), childDirs, childSecrets);
    }

    private TreeNode buildNode(Unlocked me, UUID dirId, String name, String path,
                               Map<UUID, List<TreeApi.Dir>> childDirs, Map<UUID, List<SecretApi.Secret>> childSecrets) {
        List<TreeNode> children = new ArrayList<>();
        for (TreeApi.Dir d : childDirs.getOrDefault(dirId, List.of())) {
            String childName = openName(me, d.encryptedName(), d.dirId());
            children.add(buildNode(me, d.dirId(), childName, path + "/" + childName, childDirs, childSecrets));
        }
        for (SecretApi.Secret s : childSecrets.getOrDefault(dirId, List.of())) {
            String childName = openName(me, s.encryptedName(), s.secretId());
            children.add(new TreeNode(childName, path + "/" + childName, false, List.of()));
        }
        children.sort(Comparator.comparing(n -> n.name().toLowerCase(Locale.ROOT)));
        return new TreeNode(name, path, true, children);
    }

    private TreeApi.Tree fetchTree(DirPath dir, int depth) {
        String blind = blind(dir);
        return notFoundAs(() -> call("GET", "/v1/dirs/" + blind + "?depth=" + depth, null, TreeApi.Tree.class), dir.toString());
    }

    /** Deletes a directory and everything below it. */
    public void deleteDir(String dirPath) {
        DirPath dir = DirPath.parse(dirPath);
        String blind = blind(dir);
        notFoundAs(() -> call("DELETE", "/v1/dirs/" + blind, null, Map.class), dir.toString());
    }

    /** True if {@code dirPath} is an existing directory this account can read. */
    public boolean dirExists(String dirPath) {
        try {
            fetchTree(DirPath.parse(dirPath), 0);
            return true;
        } catch (SecretHubException e) {
            if (e.is(ErrorCode.DIR_NOT_FOUND) || e.is(ErrorCode.REPO_NOT_FOUND)) {
                return false;
            }
            throw e;
        }
    }

    // ---- secrets ----

    /** Reads a secret: {@code path} may name a version ({@code :3}); without one, the latest. */
    public SecretVersion read(String path) {
        SecretPath secret = SecretPath.parse(path);
        String blind = blind(secret);
        String version = secret.hasVersion() ? secret.version().toString() : "latest";
        SecretApi.Version v = notFoundAs(() -> call("GET", "/v1/secrets/" + blind + "/versions/" + version, null, SecretApi.Version.class),
                secret.toString());
        if (!v.secretId().equals(SecretIds.forBlindName(blind))) {
            throw new SecretHubException("tampered_response", "the server answered a read of " + secret
                    + " with another secret; refusing it");
        }
        if (secret.hasVersion() && v.version() != secret.version()) {
            throw new SecretHubException("tampered_response", "the server answered version " + v.version() + " for " + secret
                    + "; refusing it");
        }
        if (v.encryptedValue() == null || v.encryptedKey() == null) {
            throw new SecretHubException("invalid_response", "the server sent no value for " + secret);
        }
        Unlocked me = unlock();
        SecretKey key = openSecretKey(me, v.encryptedKey(), v.secretId(), v.keyId());
        try {
            byte[] value = key.decrypt(v.encryptedValue(), BindingContext.version(v.secretId(), v.version()));
            return new SecretVersion(secret.withVersion(null).toString(), v.version(), value, v.createdAt());
        } catch (CryptoException e) {
            throw new SecretHubException("tampered_response", "the value of " + secret + " does not belong to it (" + e.getMessage() + ")");
        } finally {
            key.destroy();
        }
    }

    /** Reads a secret's value as UTF-8 text. */
    public String readString(String path) {
        return read(path).string();
    }

    /** True if the secret exists and this account can read it. */
    public boolean exists(String path) {
        SecretPath secret = SecretPath.parse(path);
        try {
            call("GET", "/v1/secrets/" + blind(secret), null, SecretApi.SecretDetail.class);
            return true;
        } catch (SecretHubException e) {
            if (e.is(ErrorCode.SECRET_NOT_FOUND) || e.is(ErrorCode.REPO_NOT_FOUND)) {
                return false;
            }
            throw e;
        }
    }

    /** Writes a new version of a secret, creating the secret if needed; returns the new version number. */
    public int write(String path, String value) {
        return write(path, utf8(value));
    }

    /** Writes a new version of a secret, creating the secret if needed; returns the new version number. */
    public int write(String path, byte[] value) {
        SecretPath secret = SecretPath.parse(path);
        if (secret.hasVersion()) {
            throw new SecretHubException(ErrorCode.INVALID_PATH.code(), "cannot write to a version: write to " + secret.withVersion(null));
        }
        if (value.length == 0) {
            throw new SecretHubException(ErrorCode.INVALID_ARGUMENT.code(), "a secret value must not be empty");
        }
        if (value.length > Limits.MAX_SECRET_SIZE) {
            throw new SecretHubException(ErrorCode.VALUE_TOO_LARGE.code(), "a secret value may be at most 512 KiB; this one is "
                    + value.length + " bytes");
        }
        String blind = blind(secret);
        for (int attempt = 1; ; attempt++) {
            SecretApi.SecretDetail detail;
            try {
                detail = call("GET", "/v1/secrets/" + blind, null, SecretApi.SecretDetail.class);
            } catch (SecretHubException e) {
                if (e.is(ErrorCode.SECRET_NOT_FOUND)) {
                    return createSecret(secret, blind, value);
                }
                throw rename(e, secret.toString(), secret.parent().toString());
            }
            try {
                return writeVersion(secret, blind, detail.secret(), value);
            } catch (SecretHubException e) {
                // Someone else wrote a version in between: number ours after theirs.
                if (e.is(ErrorCode.VERSION_CONFLICT) && attempt < MAX_RETRIES) {
                    continue;
                }
                throw e;
            }
        }
    }

    private int writeVersion(SecretPath secret, String blind, SecretApi.Secret s, byte[] value) {
        SecretApi.SecretKeyCopy copy = call("GET", "/v1/secrets/" + blind + "/key", null, SecretApi.SecretKeyCopy.class);
        if (!s.secretId().equals(SecretIds.forBlindName(blind)) || !copy.secretId().equals(s.secretId())) {
            throw new SecretHubException("tampered_response", "the server sent the key of another secret for " + secret);
        }
        Unlocked me = unlock();
        SecretKey key = openSecretKey(me, copy.encryptedKey(), copy.secretId(), copy.keyId());
        try {
            int next = s.latestVersion() + 1;
            var request = new SecretApi.CreateVersionRequest(next, copy.keyId(), key.encrypt(value, BindingContext.version(s.secretId(), next)));
            SecretApi.Version created = call("POST", "/v1/secrets/" + blind + "/versions", request, SecretApi.Version.class);
            return created.version();
        } finally {
            key.destroy();
        }
    }

    private int createSecret(SecretPath secret, String blind, byte[] value) {
        RepoKeys keys = repoKeys(secret.repo());
        String parentBlind = keys.indexKey.blindName(secret.parent().blindInput());
        UUID secretId = SecretIds.forBlindName(blind);
        UUID keyId = UUID.randomUUID();
        SecretKey key = SecretKey.generate();
        byte[] keyBytes = key.bytes();
        try {
            var encrypted = key.encrypt(value, BindingContext.version(secretId, 1));
            SecretApi.Version created = withReaderRetries(parentBlind, secret.parent(), readers -> {
                var request = new SecretApi.CreateSecretRequest(secretId, blind,
                        sealForAll(readers, utf8(secret.name()), SealPurpose.NAME, a -> BindingContext.name(secretId, a)),
                        keyId,
                        sealForAll(readers, keyBytes, SealPurpose.SECRET_KEY, a -> BindingContext.secretKey(secretId, keyId, a)),
                        encrypted);
                try {
                    return call("POST", "/v1/dirs/" + parentBlind + "/secrets", request, SecretApi.Version.class);
                } catch (SecretHubException e) {
                    throw rename(e, secret.toString(), secret.parent().toString());
                }
            });
            return created.version();
        } finally {
            Arrays.fill(keyBytes, (byte) 0);
            key.destroy();
        }
    }

    /** The secret and its versions, without values. */
    public SecretInfo inspect(String path) {
        SecretPath secret = SecretPath.parse(path);
        String blind = blind(secret);
        SecretApi.SecretDetail d = notFoundAs(() -> call("GET", "/v1/secrets/" + blind, null, SecretApi.SecretDetail.class), secret.toString());
        List<SecretInfo.VersionInfo> versions = d.versions().stream()
                .map(v -> new SecretInfo.VersionInfo(v.version(), v.createdAt()))
                .sorted(Comparator.comparingInt(SecretInfo.VersionInfo::version)).toList();
        return new SecretInfo(secret.withVersion(null).toString(), d.secret().latestVersion(), d.secret().versionCount(),
                d.secret().createdAt(), versions);
    }

    /** Deletes a secret with all its versions, or, when {@code path} names a version ({@code :3}), only that version. */
    public void deleteSecret(String path) {
        SecretPath secret = SecretPath.parse(path);
        String blind = blind(secret);
        String url = secret.hasVersion() ? "/v1/secrets/" + blind + "/versions/" + secret.version() : "/v1/secrets/" + blind;
        notFoundAs(() -> call("DELETE", url, null, Map.class), secret.toString());
    }

    // ---- service accounts ----

    /**
     * Creates an AWS service account for {@code repoPath}: any process holding the IAM role can then
     * read with {@code Credentials.useAws()}. The creator's AWS credentials come from
     * {@code request.awsConfig()}.
     *
     * @param permission {@code null} for none, {@code read}, {@code write} or {@code admin} on the repo, or
     *                   {@code <subdir>:<permission>} for a directory below it
     */
    public ServiceInfo createAwsService(String repoPath, AwsServiceAccountRequest request, String permission) {
        RepoPath repo = RepoPath.parse(repoPath);
        AccessGrant grant = permission == null ? null : AccessGrant.parse(repo, permission);
        String description = request.description();
        if (description != null && (description.length() > 2048 || description.chars().anyMatch(c -> c == '\n' || c == '\t'))) {
            throw new SecretHubException(ErrorCode.INVALID_ARGUMENT.code(), "a description is at most 2048 characters without newlines or tabs");
        }
        RepoKeys keys = repoKeys(repo);
        if (grant != null && !dirExists(grant.dir().toString())) {
            throw new SecretHubException(ErrorCode.DIR_NOT_FOUND.code(), "directory " + grant.dir() + " does not exist");
        }
        var prepared = AwsServiceAccountFactory.prepare(request,
                AwsApi.audienceFor(api.remote()));
        try {
            UUID serviceAccount = prepared.accountId();
            RecipientPublicKey servicePublic = prepared.accountKey().publicKey();
            byte[] indexKey = keys.indexKey.bytes();
            SealedBox sealedIndexKey = servicePublic.seal(indexKey, SealPurpose.REPO_KEY, BindingContext.repoKey(keys.repoId, serviceAccount));
            Arrays.fill(indexKey, (byte) 0);
            for (int attempt = 1; ; attempt++) {
                var rule = grant == null ? null : accessRule(grant, servicePublic, serviceAccount);
                var body = new AwsApi.CreateServiceRequest(prepared.serviceId(), serviceAccount,
                        description != null ? description : "AWS role " + prepared.credential().roleArn().replaceAll(".*/", ""),
                        publicKeyOf(servicePublic), prepared.credential(), sealedIndexKey, rule);
                try {
                    var created = call("POST", repoUrl(repo) + "/services", body, AwsApi.Service.class);
                    return toService(created);
                } catch (SecretHubException e) {
                    // Someone wrote a secret while we sealed the tree: seal again.
                    if (e.is(ErrorCode.NOT_ENCRYPTED_FOR_ACCOUNTS) && attempt < MAX_RETRIES) {
                        continue;
                    }
                    throw e;
                }
            }
        } finally {
            prepared.accountKey().destroy();
        }
    }

    /** The service accounts of a repo. */
    public List<ServiceInfo> listServices(String repoPath) {
        RepoPath repo = RepoPath.parse(repoPath);
        List<AwsApi.Service> services = notFoundAs(() -> call("GET", repoUrl(repo) + "/services", null,
                listOf(AwsApi.Service.class)), repo.toString());
        return services.stream().map(SecretHubClient::toService).sorted(Comparator.comparing(ServiceInfo::createdAt)).toList();
    }

    /** Deletes a service account: it can no longer log in, and its copies of keys and names are removed. */
    public void deleteService(String serviceId) {
        call("DELETE", "/v1/services/" + serviceId, null, Map.class);
    }

    /** A permission on a directory of a repo, given at service account creation. */
    private record AccessGrant(DirPath dir, Permission permission) {
        static AccessGrant parse(RepoPath repo, String text) {
            int colon = text.lastIndexOf(':');
            String dir = colon < 0 ? "" : text.substring(0, colon);
            Permission permission;
            try {
                permission = Permission.parse(colon < 0 ? text : text.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw new SecretHubException(ErrorCode.INVALID_ARGUMENT.code(), "--permission '" + text + "': " + e.getMessage());
            }
            if (permission == Permission.NONE) {
                throw new SecretHubException(ErrorCode.INVALID_ARGUMENT.code(), "--permission none grants nothing; leave it out");
            }
            DirPath path = dir.isEmpty() ? repo.rootDir() : DirPath.parse(repo + "/" + (dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir));
            return new AccessGrant(path, permission);
        }
    }

    /** Re-seals every name and secret key below the directory for the new account, on this client: the server can't. */
    private AwsApi.AccessRuleRequest accessRule(AccessGrant grant, RecipientPublicKey service, UUID serviceAccount) {
        Unlocked me = unlock();
        TreeApi.Tree tree = fetchTree(grant.dir(), -1);
        Map<UUID, String> dirPaths = new HashMap<>();
        Map<UUID, TreeApi.Dir> dirs = new HashMap<>();
        tree.dirs().forEach(d -> dirs.put(d.dirId(), d));
        List<AwsApi.NodeName> names = new ArrayList<>();
        List<AwsApi.SecretKeyCopy> keyCopies = new ArrayList<>();
        for (TreeApi.Dir d : tree.dirs()) {
            byte[] name = utf8(openName(me, d.encryptedName(), d.dirId()));
            names.add(new AwsApi.NodeName(d.dirId(), service.seal(name, SealPurpose.NAME, BindingContext.name(d.dirId(), serviceAccount))));
        }
        for (SecretApi.Secret s : tree.secrets()) {
            String name = openName(me, s.encryptedName(), s.secretId());
            names.add(new AwsApi.NodeName(s.secretId(),
                    service.seal(utf8(name), SealPurpose.NAME, BindingContext.name(s.secretId(), serviceAccount))));
            SecretPath path = DirPath.parse(pathOf(s.dirId(), tree.rootId(), grant.dir(), dirs, dirPaths, me)).secret(name);
            String secretBlind = blind(path);
            SecretApi.SecretKeyCopy copy = call("GET", "/v1/secrets/" + secretBlind + "/key", null, SecretApi.SecretKeyCopy.class);
            if (!s.secretId().equals(SecretIds.forBlindName(secretBlind)) || !copy.secretId().equals(s.secretId())) {
                throw new SecretHubException("tampered_response", "the server sent a tree whose secret " + path + " is not where it says");
            }
            SecretKey key = openSecretKey(me, copy.encryptedKey(), copy.secretId(), copy.keyId());
            byte[] raw = key.bytes();
            keyCopies.add(new AwsApi.SecretKeyCopy(copy.keyId(),
                    service.seal(raw, SealPurpose.SECRET_KEY, BindingContext.secretKey(s.secretId(), copy.keyId(), serviceAccount))));
            Arrays.fill(raw, (byte) 0);
            key.destroy();
        }
        return new AwsApi.AccessRuleRequest(blind(grant.dir()), grant.permission().level(), names, keyCopies);
    }

    private static String pathOf(UUID dirId, UUID rootId, DirPath root, Map<UUID, TreeApi.Dir> dirs, Map<UUID, String> cache, Unlocked me) {
        if (dirId.equals(rootId)) {
            return root.toString();
        }
        String cached = cache.get(dirId);
        if (cached != null) {
            return cached;
        }
        TreeApi.Dir d = dirs.get(dirId);
        if (d == null) {
            throw new SecretHubException("invalid_response", "the server sent a tree with a secret outside it");
        }
        String path = pathOf(d.parentId(), rootId, root, dirs, cache, me) + "/" + openName(me, d.encryptedName(), d.dirId());
        cache.put(dirId, path);
        return path;
    }

    private static ServiceInfo toService(AwsApi.Service s) {
        Map<String, String> metadata = s.metadata() == null ? Map.of() : s.metadata();
        return new ServiceInfo(s.serviceId(), s.repo(), s.description(), s.credentialType(), metadata.get("aws_role"),
                metadata.get("aws_kms_key_id"), s.createdAt());
    }

    // ---- helpers ----

    /** Seals to every reader the server lists; on a concurrent access change the server refuses and we seal again. */
    private <T> T withReaderRetries(String dirBlind, DirPath dir, Function<List<AccountApi.AccountPublicKey>, T> action) {
        for (int attempt = 1; ; attempt++) {
            List<AccountApi.AccountPublicKey> readers = notFoundAs(
                    () -> call("GET", "/v1/dirs/" + dirBlind + "/accounts", null, listOf(AccountApi.AccountPublicKey.class)), dir.toString());
            try {
                return action.apply(readers);
            } catch (SecretHubException e) {
                if (e.is(ErrorCode.NOT_ENCRYPTED_FOR_ACCOUNTS) && attempt < MAX_RETRIES) {
                    continue;
                }
                throw e;
            }
        }
    }

    private static List<TreeApi.SealedForAccount> sealForAll(List<AccountApi.AccountPublicKey> readers, byte[] plaintext,
                                                            SealPurpose purpose, Function<UUID, BindingContext> context) {
        List<TreeApi.SealedForAccount> sealed = new ArrayList<>(readers.size());
        for (AccountApi.AccountPublicKey reader : readers) {
            RecipientPublicKey key = RecipientPublicKey.of(reader.publicKey().suite(), reader.publicKey().key());
            sealed.add(new TreeApi.SealedForAccount(reader.accountId(), key.seal(plaintext, purpose, context.apply(reader.accountId()))));
        }
        return sealed;
    }

    private SecretKey openSecretKey(Unlocked me, SealedBox sealed, UUID secretId, UUID keyId) {
        byte[] raw = null;
        try {
            raw = me.accountKey.open(sealed, SealPurpose.SECRET_KEY, BindingContext.secretKey(secretId, keyId, me.accountId));
            return SecretKey.of(raw);
        } catch (CryptoException e) {
            throw new SecretHubException("tampered_response", "a secret key from the server cannot be opened: " + e.getMessage());
        } finally {
            if (raw != null) {
                Arrays.fill(raw, (byte) 0);
            }
        }
    }

    private static String openName(Unlocked me, SealedBox sealed, UUID nodeId) {
        try {
            return new String(me.accountKey.open(sealed, SealPurpose.NAME, BindingContext.name(nodeId, me.accountId)),
                    StandardCharsets.UTF_8);
        } catch (CryptoException e) {
            throw new SecretHubException("tampered_response", "a name from the server cannot be opened: " + e.getMessage());
        }
    }

    private String blind(DirPath dir) {
        return repoKeys(dir.repo()).indexKey.blindName(dir.blindInput());
    }

    private String blind(SecretPath secret) {
        return repoKeys(secret.repo()).indexKey.blindName(secret.blindInput());
    }

    private RepoKeys repoKeys(RepoPath repo) {
        RepoKeys cached = repoKeys.get(cacheKey(repo));
        if (cached != null) {
            return cached;
        }
        RepoApi.RepoKey wire = notFoundAs(() -> call("GET", repoUrl(repo) + "/key", null, RepoApi.RepoKey.class), repo.toString());
        Unlocked me = unlock();
        byte[] raw;
        try {
            raw = me.accountKey.open(wire.sealedIndexKey(), SealPurpose.REPO_KEY, BindingContext.repoKey(wire.repoId(), me.accountId));
        } catch (CryptoException e) {
            throw new SecretHubException("tampered_response", "the index key of " + repo + " cannot be opened: " + e.getMessage());
        }
        RepoKeys keys = new RepoKeys(wire.repoId(), RepoIndexKey.of(raw));
        Arrays.fill(raw, (byte) 0);
        repoKeys.put(cacheKey(repo), keys);
        return keys;
    }

    private Unlocked unlock() {
        Unlocked u = unlocked;
        if (u != null) {
            return u;
        }
        synchronized (this) {
            if (unlocked == null) {
                AccountApi.AccountKey wire = call("GET", "/v1/me/key", null, AccountApi.AccountKey.class);
                RecipientKeyPair key = credential.openAccountKey(wire);
                Suite.requireV1(wire.publicKey().suite(), "the account key");
                if (!Arrays.equals(key.publicKey().encoded(), wire.publicKey().key())) {
                    throw new SecretHubException("tampered_response", "the account key does not match the account's public key");
                }
                unlocked = new Unlocked(wire.accountId(), key);
            }
            return unlocked;
        }
    }

    private RequestSigner signer() {
        RequestSigner s = signer;
        if (s == null) {
            synchronized (this) {
                if (signer == null) {
                    signer = credential.signer(api);
                }
                s = signer;
            }
        }
        return s;
    }

    private <T> T call(String method, String path, Object body, Class<T> type) {
        return api.call(method, path, body, signer(), type);
    }

    private <T> T call(String method, String path, Object body, JavaType type) {
        return api.call(method, path, body, signer(), type);
    }

    private static JavaType listOf(Class<?> element) {
        return Json.MAPPER.getTypeFactory().constructCollectionType(List.class, element);
    }

    private static String repoUrl(RepoPath repo) {
        return "/v1/namespaces/" + repo.namespace() + "/repos/" + repo.repo();
    }

    /** Server messages cannot name what they cannot see; the client knows the path and says it. */
    private static <T> T notFoundAs(Supplier<T> call, String path) {
        try {
            return call.get();
        } catch (SecretHubException e) {
            throw rename(e, path, path);
        }
    }

    private static SecretHubException rename(SecretHubException e, String path, String parent) {
        ErrorCode code = ErrorCode.fromCode(e.code());
        if (code == null) {
            return e;
        }
        String message = switch (code) {
            case SECRET_NOT_FOUND -> "secret " + path + " does not exist";
            case VERSION_NOT_FOUND -> "version " + path + " does not exist";
            case DIR_NOT_FOUND -> "directory " + parent + " does not exist; create it first (secrethub mkdir --parents " + parent + ")";
            case REPO_NOT_FOUND -> "repo " + RepoPath.parse(String.join("/", Arrays.asList(path.split("/")).subList(0, 2))) + " does not exist or you have no access to it";
            case DIR_ALREADY_EXISTS -> "a directory " + path + " already exists";
            case SECRET_ALREADY_EXISTS -> "a secret " + path + " already exists";
            case REPO_ALREADY_EXISTS -> "repo " + path + " already exists";
            case CANNOT_DELETE_LAST_VERSION -> "cannot delete " + path + ": it is the secret's only version; delete the secret instead";
            default -> null;
        };
        return message == null ? e : new SecretHubException(e.code(), message, e.status(), e);
    }

    private static Repo toRepo(RepoApi.Repo r) {
        return new Repo(r.namespace(), r.name(), r.createdAt(), r.secretCount());
    }

    private static AccountApi.PublicKey publicKeyOf(RecipientPublicKey key) {
        return new AccountApi.PublicKey(key.suite(), key.encoded());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The server this client talks to. */
    public URI apiRemote() {
        return api.remote();
    }

    @Override
    public void close() {
        Unlocked u = unlocked;
        if (u != null) {
            u.accountKey.destroy();
        }
        repoKeys.values().forEach(k -> k.indexKey.destroy());
        repoKeys.clear();
        api.close();
    }

    /** Repo paths are case-insensitive, so their index keys are cached under the normalized path. */
    private static String cacheKey(RepoPath repo) {
        return Names.normalize(repo.toString());
    }
}
