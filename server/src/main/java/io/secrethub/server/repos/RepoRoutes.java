package io.secrethub.server.repos;

import static io.secrethub.server.http.RequestFields.invalid;
import static io.secrethub.server.http.RequestFields.required;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.secrethub.core.api.ErrorCode;
import io.secrethub.core.api.RepoApi;
import io.secrethub.core.api.TreeApi;
import io.secrethub.core.path.Names;
import io.secrethub.core.path.RepoPath;
import io.secrethub.server.auth.Caller;
import io.secrethub.server.auth.RequestAuthenticator;
import io.secrethub.server.http.ApiException;
import io.secrethub.server.http.Json;
import io.secrethub.server.http.RequestBody;
import io.secrethub.server.http.RequestFields;
import io.secrethub.server.store.AccountRow;
import io.secrethub.server.store.Database;
import io.secrethub.server.store.RepoRow;
import io.secrethub.server.store.Stores;
import io.secrethub.server.tree.NodeLookup;

/** Repos: creating one in your own namespace, listing, reading its index key, deleting it. */
public final class RepoRoutes {
    private static final String REPO_NOT_FOUND = "there is no such repo, or you are not a member of it";

    private final Database database;
    private final Clock clock;

    public RepoRoutes(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database);
        this.clock = Objects.requireNonNull(clock);
    }

    public void register(RoutesConfig routes) {
        routes.get("/v1/me/repos", this::myRepos);
        routes.post("/v1/namespaces/{ns}/repos", this::createRepo);
        routes.get("/v1/namespaces/{ns}/repos", this::listRepos);
        routes.get("/v1/namespaces/{ns}/repos/{repo}", this::getRepo);
        routes.delete("/v1/namespaces/{ns}/repos/{repo}", this::deleteRepo);
        routes.get("/v1/namespaces/{ns}/repos/{repo}/key", this::repoKey);
    }

    /** {@code GET /v1/me/repos}: every repo the caller is a member of. */
    private void myRepos(Context ctx) {
        Caller caller = RequestAuthenticator.caller(ctx);
        Json.respond(ctx, 200, database.read(stores -> stores.repos().listForMember(caller.accountId()))
                .stream().map(RepoRoutes::view).toList());
    }

    /**
     * {@code POST /v1/namespaces/{ns}/repos}: the repo, its root directory (named for the caller
     * only) and the caller's membership with the sealed index key, all in one transaction.
     */
    private void createRepo(Context ctx) {
        Caller caller = RequestAuthenticator.caller(ctx);
        String namespace = Names.requireNamespace(ctx.pathParam("ns"));
        RepoApi.CreateRepoRequest request = Json.read(RequestBody.of(ctx), RepoApi.CreateRepoRequest.class);
        required(request.repoId(), "repo_id");
        new RepoPath(namespace, required(request.name(), "name"));
        RequestFields.sealedBox(request.sealedIndexKey(), "sealed_index_key");
        TreeApi.CreateDirRequest root = required(request.rootDir(), "root_dir");
        required(root.dirId(), "root_dir.dir_id");
        RequestFields.blindName(root.blindName(), "root_dir.blind_name");
        if (root.parentBlindName() != null && !root.parentBlindName().equals(root.blindName())) {
            throw invalid("root_dir.parent_blind_name", "must be absent or equal to root_dir.blind_name for a root directory");
        }
        List<TreeApi.SealedForAccount> names = RequestFields.sealedForAccounts(root.encryptedNames(), "root_dir.encrypted_names");
        if (names.size() != 1 || !names.get(0).accountId().equals(caller.accountId())) {
            throw new ApiException(ErrorCode.NOT_ENCRYPTED_FOR_ACCOUNTS,
                    "'root_dir.encrypted_names' must hold exactly one entry: the name sealed to you");
        }

        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        RepoRow created = database.write(stores -> {
            AccountRow owner = namespaceAccount(stores, namespace);
            if (!owner.id().equals(caller.accountId())) {
                throw new ApiException(ErrorCode.FORBIDDEN, "you can only create repos in your own namespace");
            }
            if (stores.repos().find(owner.id(), request.name()).isPresent()) {
                throw new ApiException(ErrorCode.REPO_ALREADY_EXISTS,
                        "the repo " + owner.name() + "/" + request.name() + " already exists");
            }
            if (stores.repos().idExists(request.repoId())) {
                throw invalid("repo_id", "is already in use; generate a new random id");
            }
            NodeLookup.requireUnused(stores, root.blindName(), root.dirId(), "root_dir.dir_id");
            stores.repos().insert(request.repoId(), owner.id(), request.name(), now);
            stores.repos().insertMember(request.repoId(), caller.accountId(), request.sealedIndexKey(), now);
            stores.nodes().insertDir(root.dirId(), request.repoId(), null, root.blindName(), now);
            stores.nodes().insertName(root.dirId(), caller.accountId(), names.get(0).sealed());
            return stores.repos().findById(request.repoId()).orElseThrow();
        });
        Json.respond(ctx, 201, view(created));
    }

    /** {@code GET /v1/namespaces/{ns}/repos}: the namespace's repos that the caller is a member of. */
    private void listRepos(Context ctx) {
        Caller caller = RequestAuthenticator.caller(ctx);
        String namespace = Names.requireNamespace(ctx.pathParam("ns"));
        List<RepoRow> repos = database.read(stores ->
                stores.repos().listForMember(caller.accountId(), namespaceAccount(stores, namespace).id()));
        Json.respond(ctx, 200, repos.stream().map(RepoRoutes::view).toList());
    }

    /** {@code GET /v1/namespaces/{ns}/repos/{repo}}. */
    private void getRepo(Context ctx) {
        Caller caller = RequestAuthenticator.caller(ctx);
        RepoPath path = repoPath(ctx);
        Json.respond(ctx, 200, view(database.read(stores -> memberRepo(stores, caller, path))));
    }

    /** {@code DELETE /v1/namespaces/{ns}/repos/{repo}}: the owner deletes the repo and everything in it. */
    private void deleteRepo(Context ctx) {
        Caller caller = RequestAuthenticator.caller(ctx);
        RepoPath path = repoPath(ctx);
        database.write(stores -> {
            RepoRow repo = memberRepo(stores, caller, path);
            if (!repo.namespaceAccountId().equals(caller.accountId())) {
                throw new ApiException(ErrorCode.FORBIDDEN, "only the owner of a repo can delete it");
            }
            // Service accounts belong to one repo and go with it.
            stores.services().accountsOfRepo(repo.id()).forEach(stores.services()::deleteAccount);
            stores.repos().delete(repo.id());
            return null;
        });
        Json.respond(ctx, 200, Map.of());
    }

    /** {@code GET /v1/namespaces/{ns}/repos/{repo}/key}: the caller's copy of the repo index key. */
    private void repoKey(Context ctx) {
        Caller caller = RequestAuthenticator.caller(ctx);
        RepoPath path = repoPath(ctx);
        RepoApi.RepoKey key = database.read(stores -> {
            RepoRow repo = memberRepo(stores, caller, path);
            return new RepoApi.RepoKey(repo.id(), stores.repos().memberKey(repo.id(), caller.accountId()).orElseThrow());
        });
        Json.respond(ctx, 200, key);
    }

    public static RepoPath repoPath(Context ctx) {
        return new RepoPath(ctx.pathParam("ns"), ctx.pathParam("repo"));
    }

    private static AccountRow namespaceAccount(Stores stores, String namespace) {
        return stores.accounts().findByName(namespace)
                .filter(a -> a.accountType().equals(AccountRow.USER))
                .orElseThrow(() -> new ApiException(ErrorCode.NAMESPACE_NOT_FOUND, "there is no namespace '" + namespace + "'"));
    }

    /** The repo if it exists and the caller is a member; otherwise the same 404 either way. */
    public static RepoRow memberRepo(Stores stores, Caller caller, RepoPath path) {
        return stores.accounts().findByName(path.namespace())
                .flatMap(owner -> stores.repos().find(owner.id(), path.repo()))
                .filter(repo -> stores.repos().isMember(repo.id(), caller.accountId()))
                .orElseThrow(() -> new ApiException(ErrorCode.REPO_NOT_FOUND, REPO_NOT_FOUND));
    }

    static RepoApi.Repo view(RepoRow row) {
        return new RepoApi.Repo(row.id(), row.namespace(), row.name(), row.createdAt(), row.secretCount());
    }
}
