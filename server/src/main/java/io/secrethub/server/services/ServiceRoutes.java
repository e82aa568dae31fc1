package io.secrethub.server.services;

import static io.secrethub.server.http.RequestFields.invalid;
import static io.secrethub.server.http.RequestFields.required;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.secrethub.core.api.AwsApi;
import io.secrethub.core.api.ErrorCode;
import io.secrethub.core.api.Permission;
import io.secrethub.core.crypto.Fingerprints;
import io.secrethub.core.path.RepoPath;
import io.secrethub.server.access.AccessPolicy;
import io.secrethub.server.auth.Caller;
import io.secrethub.server.auth.RequestAuthenticator;
import io.secrethub.server.auth.aws.AwsIdentityVerifier;
import io.secrethub.server.auth.aws.AwsLoginRefused;
import io.secrethub.server.auth.aws.AwsRole;
import io.secrethub.server.auth.aws.CallerIdentity;
import io.secrethub.server.http.ApiException;
import io.secrethub.server.http.Json;
import io.secrethub.server.http.RequestBody;
import io.secrethub.server.http.RequestFields;
import io.secrethub.server.repos.RepoRoutes;
import io.secrethub.server.store.AccountRow;
import io.secrethub.server.store.AwsCredentialRow;
import io.secrethub.server.store.CredentialRow;
import io.secrethub.server.store.Database;
import io.secrethub.server.store.NodeRow;
import io.secrethub.server.store.RepoRow;
import io.secrethub.server.store.ServiceRow;
import io.secrethub.server.store.Stores;
import io.secrethub.server.store.TreeEntry;

/**
 * AWS service accounts: created by a repo admin with a proof that they hold credentials in the role's
 * AWS account, listed, and deleted.
 */
public final class ServiceRoutes {
    private static final Pattern SERVICE_ID = Pattern.compile("s-[a-z0-9]{12}");
    private static final Pattern KMS_KEY_ARN = Pattern.compile("arn:(aws|aws-cn|aws-us-gov):kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]{1,128}");
    private static final Pattern ROLE_UNIQUE_ID = Pattern.compile("AROA[A-Z0-9]{4,124}");
    private static final int MAX_KMS_CIPHERTEXT = 6144;

    private final Database database;
    private final AwsIdentityVerifier identities;
    private final Clock clock;

    public ServiceRoutes(Database database, AwsIdentityVerifier identities, Clock clock) {
        this.database = database;
        this.identities = identities;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.post("/v1/namespaces/{ns}/repos/{repo}/services", this::create);
        routes.get("/v1/namespaces/{ns}/repos/{repo}/services", this::list);
        routes.delete("/v1/services/{id}", this::delete);
    }

    private void create(Context ctx) {
        Caller caller = RequestAuthenticator.caller(ctx);
        RepoPath path = RepoRoutes.repoPath(ctx);
        AwsApi.CreateServiceRequest request = Json.read(RequestBody.of(ctx), AwsApi.CreateServiceRequest.class);
        String serviceId = required(request.serviceId(), "service_id");
        if (!SERVICE_ID.matcher(serviceId).matches()) {
            throw invalid("service_id", "must be s- followed by 12 lower-case letters or digits");
        }
        UUID accountId = required(request.accountId(), "account_id");
        String description = required(request.description(), "description");
        if (description.length() > 2048 || description.chars().anyMatch(c -> c == '\n' || c == '\t' || c < 0x20)) {
            throw invalid("description", "must be at most 2048 characters without newlines or tabs");
        }
        var publicKey = RequestFields.publicKey(request.publicKey(), "public_key");
        var sealedIndexKey = RequestFields.sealedBox(request.sealedIndexKey(), "sealed_index_key");
        AwsApi.NewAwsCredential credential = required(request.credential(), "credential");
        AwsRole role = parseRole(required(credential.roleArn(), "credential.role_arn"));
        String kmsKeyArn = required(credential.kmsKeyArn(), "credential.kms_key_arn");
        if (!KMS_KEY_ARN.matcher(kmsKeyArn).matches()) {
            throw invalid("credential.kms_key_arn", "must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>)");
        }
        AwsApi.KmsWrappedKey wrapped = required(credential.wrappedAccountKey(), "credential.wrapped_account_key");
        if (!kmsKeyArn.equals(wrapped.keyArn()) || wrapped.ciphertext() == null || wrapped.ciphertext().length == 0
                || wrapped.ciphertext().length > MAX_KMS_CIPHERTEXT) {
            throw invalid("credential.wrapped_account_key", "must be a KMS ciphertext under credential.kms_key_arn");
        }
        if (credential.roleUniqueId() != null && !ROLE_UNIQUE_ID.matcher(credential.roleUniqueId()).matches()) {
            throw invalid("credential.role_unique_id", "must be a role's unique id (AROA...)");
        }

        // Check the cheap, local things before asking STS; then the proof, as strictly as a login.
        database.read(stores -> requireAdmin(stores, caller, path));
        CallerIdentity creator = identities.verify(required(credential.proof(), "credential.proof"),
                AwsApi.creationAudience(identities.audience(), serviceId, role.arn()));
        if (!creator.account().equals(role.account()) || !creator.arn().startsWith("arn:" + role.partition() + ":")) {
            throw new ApiException(ErrorCode.AWS_ACCOUNT_MISMATCH, "the role " + role.arn() + " is in AWS account " + role.account()
                    + ", but the AWS credentials used to create the service account are of account " + creator.account()
                    + "; create it with credentials of the role's account");
        }

        // Unique per service account, not just per role: sessions name the fingerprint, so sessions of a
        // deleted service account must not authenticate as a later one for the same role.
        String fingerprint = Fingerprints.of(AwsApi.CREDENTIAL_TYPE,
                (canonicalRoleArn(role) + "#" + accountId).getBytes(StandardCharsets.UTF_8));
        Instant now = clock.instant();
        ServiceRow created = database.write(stores -> {
            RepoRow repo = requireAdmin(stores, caller, path);
            if (stores.services().roleTaken(role.matchKey())) {
                throw new ApiException(ErrorCode.AWS_ROLE_TAKEN, "a service account for the IAM role " + role.arn()
                        + " already exists; a role maps to exactly one service account");
            }
            if (stores.services().serviceIdExists(serviceId) || stores.accounts().findByName(serviceId).isPresent()
                    || stores.accounts().idExists(accountId)) {
                throw invalid("service_id", "is already in use; pick new ids");
            }
            stores.accounts().insert(
                    new AccountRow(accountId, serviceId, AccountRow.SERVICE, publicKey.suite(), publicKey.key(), null, null, now),
                    new CredentialRow(fingerprint, accountId, AwsApi.CREDENTIAL_TYPE, canonicalRoleArn(role).getBytes(StandardCharsets.UTF_8),
                            null, true, null, now));
            stores.services().insertAwsCredential(new AwsCredentialRow(fingerprint, role.matchKey(), role.arn(), credential.roleUniqueId(),
                    kmsKeyArn, wrapped));
            stores.services().insert(serviceId, accountId, repo.id(), description, caller.accountId(), now);
            stores.repos().insertMember(repo.id(), accountId, sealedIndexKey, now);
            if (request.accessRule() != null) {
                grant(stores, caller, repo, accountId, request.accessRule());
            }
            return stores.services().find(serviceId).orElseThrow();
        });
        Json.respond(ctx, 201, view(created, path));
    }

    /** The rule and the new account's copies of every name and current secret key below the directory, exactly. */
    private static void grant(Stores stores, Caller caller, RepoRow repo, UUID accountId, AwsApi.AccessRuleRequest rule) {
        String blind = RequestFields.blindName(rule.dirBlindName(), "access_rule.dir_blind_name");
        NodeRow dir = stores.nodes().findByBlindName(blind).filter(n -> n.isDir() && n.repoId().equals(repo.id()))
                .orElseThrow(() -> new ApiException(ErrorCode.DIR_NOT_FOUND, "the directory of the access rule does not exist in this repo"));
        if (!AccessPolicy.permissionOn(stores, caller.accountId(), dir).allows(Permission.ADMIN)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "only an admin of a directory can give access to it");
        }
        if (rule.permission() < Permission.READ.level() || rule.permission() > Permission.ADMIN.level()) {
            throw invalid("access_rule.permission", "must be 1 (read), 2 (write) or 3 (admin)");
        }
        List<TreeEntry> subtree = stores.nodes().subtree(dir.id(), -1, caller.accountId());
        Set<UUID> nodes = new HashSet<>();
        Map<UUID, UUID> currentKeys = new java.util.HashMap<>();
        for (TreeEntry entry : subtree) {
            nodes.add(entry.node().id());
            if (entry.node().isSecret()) {
                stores.secrets().newestKey(entry.node().id()).ifPresent(k -> currentKeys.put(k, entry.node().id()));
            }
        }
        List<AwsApi.NodeName> names = required(rule.names(), "access_rule.names");
        List<AwsApi.SecretKeyCopy> keys = required(rule.keys(), "access_rule.keys");
        Set<UUID> named = new HashSet<>();
        names.forEach(n -> named.add(required(n.nodeId(), "access_rule.names[].node_id")));
        Set<UUID> keyed = new HashSet<>();
        keys.forEach(k -> keyed.add(required(k.keyId(), "access_rule.keys[].key_id")));
        if (named.size() != names.size() || !named.equals(nodes) || keyed.size() != keys.size() || !keyed.equals(currentKeys.keySet())) {
            throw new ApiException(ErrorCode.NOT_ENCRYPTED_FOR_ACCOUNTS, "the access rule must carry the new account's copy of every name "
                    + "and current secret key below the directory, each once; the tree changed meanwhile, so seal again");
        }
        stores.access().insertRule(dir.id(), accountId, rule.permission());
        for (AwsApi.NodeName name : names) {
            stores.nodes().insertName(name.nodeId(), accountId, RequestFields.sealedBox(name.sealed(), "access_rule.names[].sealed"));
        }
        for (AwsApi.SecretKeyCopy key : keys) {
            stores.secrets().insertKeyCopy(key.keyId(), accountId, RequestFields.sealedBox(key.sealed(), "access_rule.keys[].sealed"));
        }
    }

    private void list(Context ctx) {
        Caller caller = RequestAuthenticator.caller(ctx);
        RepoPath path = RepoRoutes.repoPath(ctx);
        List<AwsApi.Service> services = database.read(stores -> {
            RepoRow repo = RepoRoutes.memberRepo(stores, caller, path);
            // Roles and keys of the repo's services are for those who can read the whole repo.
            NodeRow root = stores.nodes().rootDirOf(repo.id()).orElseThrow();
            if (!AccessPolicy.permissionOn(stores, caller.accountId(), root).allows(Permission.READ)) {
                throw new ApiException(ErrorCode.FORBIDDEN, "listing service accounts needs read access on the whole repo");
            }
            return stores.services().listForRepo(repo.id()).stream().map(s -> view(s, path)).toList();
        });
        Json.respond(ctx, 200, services);
    }

    private void delete(Context ctx) {
        Caller caller = RequestAuthenticator.caller(ctx);
        String serviceId = ctx.pathParam("id").toLowerCase(java.util.Locale.ROOT);
        database.write(stores -> {
            ServiceRow service = stores.services().find(serviceId)
                    .filter(s -> stores.repos().isMember(s.repoId(), caller.accountId()))
                    .orElseThrow(() -> new ApiException(ErrorCode.SERVICE_NOT_FOUND, "there is no service account " + serviceId + " you can see"));
            NodeRow root = stores.nodes().rootDirOf(service.repoId()).orElseThrow();
            if (!AccessPolicy.permissionOn(stores, caller.accountId(), root).allows(Permission.ADMIN)) {
                throw new ApiException(ErrorCode.FORBIDDEN, "only an admin of the repo can delete its service accounts");
            }
            stores.services().deleteAccount(service.accountId());
            return null;
        });
        Json.respond(ctx, 200, Map.of());
    }

    private static RepoRow requireAdmin(Stores stores, Caller caller, RepoPath path) {
        RepoRow repo = RepoRoutes.memberRepo(stores, caller, path);
        NodeRow root = stores.nodes().rootDirOf(repo.id()).orElseThrow();
        if (!AccessPolicy.permissionOn(stores, caller.accountId(), root).allows(Permission.ADMIN)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "only an admin of the repo can create service accounts");
        }
        return repo;
    }

    private static AwsRole parseRole(String arn) {
        try {
            return AwsRole.parseRoleArn(arn);
        } catch (AwsLoginRefused e) {
            throw invalid("credential.role_arn", e.getMessage());
        }
    }

    /** Assumed-role ARNs have no path, so the credential is named by the role without its path. */
    private static String canonicalRoleArn(AwsRole role) {
        return "arn:" + role.partition() + ":iam::" + role.account() + ":role/" + role.name();
    }

    private static AwsApi.Service view(ServiceRow s, RepoPath repo) {
        Map<String, String> metadata = s.aws() == null ? Map.of()
                : Map.of("aws_role", s.aws().roleArn(), "aws_kms_key_id", s.aws().kmsKeyArn());
        return new AwsApi.Service(s.serviceId(), s.accountId(), repo.toString(), s.description(),
                s.aws() == null ? "key" : AwsApi.CREDENTIAL_TYPE, metadata, s.createdAt());
    }
}
