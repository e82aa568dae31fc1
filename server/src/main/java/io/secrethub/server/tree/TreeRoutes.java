package io.secrethub.server.tree;

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
import io.secrethub.core.api.SecretApi;
import io.secrethub.core.api.TreeApi;
import io.secrethub.server.access.AccessPolicy;
import io.secrethub.core.api.Permission;
import io.secrethub.server.access.ReaderCoverage;
import io.secrethub.server.accounts.AccountViews;
import io.secrethub.server.auth.Caller;
import io.secrethub.server.auth.RequestAuthenticator;
import io.secrethub.server.http.ApiException;
import io.secrethub.server.http.Json;
import io.secrethub.server.http.RequestBody;
import io.secrethub.server.http.RequestFields;
import io.secrethub.server.store.AccountRow;
import io.secrethub.server.store.Database;
import io.secrethub.server.store.NodeRow;
import io.secrethub.server.store.TreeEntry;

/** Directories: who can read one, creating, listing a tree, deleting recursively. */
public final class TreeRoutes {
    private static final int MAX_DEPTH_PARAM = 1_000_000;

    private final Database database;
    private final Clock clock;

    public TreeRoutes(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database);
        this.clock = Objects.requireNonNull(clock);
    }

    public void register(RoutesConfig routes) {
        routes.get("/v1/dirs/{blind}/accounts", this::readers);
        routes.post("/v1/dirs", this::createDir);
        routes.get("/v1/dirs/{blind}", this::tree);
        routes.delete("/v1/dirs/{blind}", this::deleteDir);
    }

    /** {@code GET /v1/dirs/{blind}/accounts}: the accounts a client must seal names and keys for. */
    private void readers(Context ctx) {
        Caller caller = RequestAuthenticator.caller(ctx);
        String blind = ctx.pathParam("blind");
        List<AccountRow> readers = database.read(stores ->
                AccessPolicy.accountsThatCanRead(stores, NodeLookup.dir(stores, caller, blind, Permission.READ)));
        Json.respond(ctx, 200, readers.stream().map(AccountViews::publicKeyOf).toList());
    }

    /** {@code POST /v1/dirs}. */
    private void createDir(Context ctx) {
        Caller caller = RequestAuthenticator.caller(ctx);
        TreeApi.CreateDirRequest request = Json.read(RequestBody.of(ctx), TreeApi.CreateDirRequest.class);
        required(request.dirId(), "dir_id");
        RequestFields.blindName(request.blindName(), "blind_name");
        RequestFields.blindName(request.parentBlindName(), "parent_blind_name");
        List<TreeApi.SealedForAccount> names = RequestFields.sealedForAccounts(request.encryptedNames(), "encrypted_names");

        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        TreeApi.Dir created = database.write(stores -> {
            NodeRow parent = NodeLookup.dir(stores, caller, request.parentBlindName(), Permission.WRITE);
            NodeLookup.requireUnused(stores, request.blindName(), request.dirId(), "dir_id");
            ReaderCoverage.requireExactly(names, AccessPolicy.accountsThatCanRead(stores, parent), "encrypted_names");
            stores.nodes().insertDir(request.dirId(), parent.repoId(), parent.id(), request.blindName(), now);
            names.forEach(n -> stores.nodes().insertName(request.dirId(), n.accountId(), n.sealed()));
            return new TreeApi.Dir(request.dirId(), parent.id(), request.blindName(),
                    stores.nodes().nameFor(request.dirId(), caller.accountId()).orElse(null), now);
        });
        Json.respond(ctx, 201, created);
    }

    /**
     * {@code GET /v1/dirs/{blind}?depth=N}: the directory and what lies below it down to depth N
     * (1 by default; 0 the directory alone; -1 no limit). Whoever can read a directory can read
     * everything below it, since permissions only grow downwards.
     */
    private void tree(Context ctx) {
        Caller caller = RequestAuthenticator.caller(ctx);
        String blind = ctx.pathParam("blind");
        int depth = depth(ctx.queryParam("depth"));
        TreeApi.Tree tree = database.read(stores -> {
            NodeRow dir = NodeLookup.dir(stores, caller, blind, Permission.READ);
            List<TreeEntry> entries = stores.nodes().subtree(dir.id(), depth, caller.accountId());
            List<TreeApi.Dir> dirs = entries.stream().filter(e -> e.node().isDir())
                    .map(e -> new TreeApi.Dir(e.node().id(), e.node().parentId(), e.node().blindName(), e.sealedName(),
                            e.node().createdAt()))
                    .toList();
            List<SecretApi.Secret> secrets = entries.stream().filter(e -> e.node().isSecret())
                    .map(e -> new SecretApi.Secret(e.node().id(), e.node().parentId(), e.node().blindName(), e.sealedName(),
                            e.node().latestVersion(), e.node().versionCount(), e.node().createdAt()))
                    .toList();
            return new TreeApi.Tree(dir.id(), dirs, secrets);
        });
        Json.respond(ctx, 200, tree);
    }

    /** {@code DELETE /v1/dirs/{blind}}: the directory and everything below it. */
    private void deleteDir(Context ctx) {
        Caller caller = RequestAuthenticator.caller(ctx);
        String blind = ctx.pathParam("blind");
        database.write(stores -> {
            NodeRow dir = NodeLookup.dir(stores, caller, blind, Permission.WRITE);
            if (dir.isRootDir()) {
                throw new ApiException(ErrorCode.CANNOT_REMOVE_ROOT_DIR,
                        "the root directory of a repo cannot be removed; delete the repo instead");
            }
            stores.nodes().deleteSubtree(dir.id());
            return null;
        });
        Json.respond(ctx, 200, Map.of());
    }

    private static int depth(String text) {
        if (text == null) {
            return 1;
        }
        try {
            int depth = Integer.parseInt(text);
            if (depth >= -1 && depth <= MAX_DEPTH_PARAM) {
                return depth;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ApiException(ErrorCode.INVALID_ARGUMENT, "depth must be -1 (no limit), 0 or a positive number");
    }
}
