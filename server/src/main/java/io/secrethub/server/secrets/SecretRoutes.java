package io.secrethub.server.secrets;

import static io.secrethub.server.http.RequestFields.invalid;
import static io.secrethub.server.http.RequestFields.required;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.secrethub.core.api.ErrorCode;
import io.secrethub.core.api.SecretApi;
import io.secrethub.core.api.TreeApi;
import io.secrethub.core.path.Names;
import io.secrethub.server.access.AccessPolicy;
import io.secrethub.core.api.Permission;
import io.secrethub.server.access.ReaderCoverage;
import io.secrethub.server.auth.Caller;
import io.secrethub.server.auth.RequestAuthenticator;
import io.secrethub.server.http.ApiException;
import io.secrethub.server.http.Json;
import io.secrethub.server.http.RequestBody;
import io.secrethub.server.http.RequestFields;
import io.secrethub.server.store.AccountRow;
import io.secrethub.server.store.Database;
import io.secrethub.server.store.NodeRow;
import io.secrethub.server.store.Stores;
import io.secrethub.server.store.VersionRow;
import io.secrethub.server.tree.NodeLookup;

/** Secrets, their versions and their keys. */
public final class SecretRoutes {
    private static final String LATEST = "latest";

    private final Database database;
    private final Clock clock;

    public SecretRoutes(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database);
        this.clock = Objects.requireNonNull(clock);
    }

    public void register(RoutesConfig routes) {
        routes.post("/v1/dirs/{parentBlind}/secrets", this::createSecret);
        routes.get("/v1/secrets/{blind}", this::getSecret);
        routes.delete("/v1/secrets/{blind}", this::deleteSecret);
        routes.get("/v1/secrets/{blind}/key", this::secretKey);
        routes.post("/v1/secrets/{blind}/versions", this::createVersion);
        routes.get("/v1/secrets/{blind}/versions/{version}", this::getVersion);
        routes.delete("/v1/secrets/{blind}/versions/{version}", this::deleteVersion);
    }

    /**
     * {@code POST /v1/dirs/{parentBlind}/secrets}: the secret with its names, its first key with
     * the copies, and version 1, in one transaction.
     */
    private void createSecret(Context ctx) {
        Caller caller = RequestAuthenticator.caller(ctx);
        String parentBlind = ctx.pathParam("parentBlind");
        SecretApi.CreateSecretRequest request = Json.read(RequestBody.of(ctx), SecretApi.CreateSecretRequest.class);
        required(request.secretId(), "secret_id");
        RequestFields.blindName(request.blindName(), "blind_name");
        List<TreeApi.SealedForAccount> names = RequestFields.sealedForAccounts(request.encryptedNames(), "encrypted_names");
        required(request.keyId(), "key_id");
        List<TreeApi.SealedForAccount> keys = RequestFields.sealedForAccounts(request.encryptedKeys(), "encrypted_keys");
        RequestFields.encryptedValue(request.encryptedValue(), "encrypted_value");

        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        SecretApi.Version created = database.write(stores -> {
            NodeRow parent = NodeLookup.dir(stores, caller, parentBlind, Permission.WRITE);
            NodeLookup.requireUnused(stores, request.blindName(), request.secretId(), "secret_id");
            if (stores.secrets().keyIdExists(request.keyId())) {
                throw invalid("key_id", "is already in use; generate a new random id");
            }
            List<AccountRow> readers = AccessPolicy.accountsThatCanRead(stores, parent);
            ReaderCoverage.requireExactly(names, readers, "encrypted_names");
            ReaderCoverage.requireExactly(keys, readers, "encrypted_keys");
            stores.nodes().insertSecret(request.secretId(), parent.repoId(), parent.id(), request.blindName(), now);
            names.forEach(n -> stores.nodes().insertName(request.secretId(), n.accountId(), n.sealed()));
            stores.secrets().insertKey(request.keyId(), request.secretId(), now);
            keys.forEach(k -> stores.secrets().insertKeyCopy(request.keyId(), k.accountId(), k.sealed()));
            stores.secrets().insertVersion(request.secretId(), 1, request.keyId(), request.encryptedValue(), now);
            return new SecretApi.Version(request.secretId(), 1, request.keyId(), null, null, now);
        });
        Json.respond(ctx, 201, created);
    }

    /** {@code GET /v1/secrets/{blind}}: the secret and its versions, without values. */
    private void getSecret(Context ctx) {
        Caller caller = RequestAuthenticator.caller(ctx);
        String blind = ctx.pathParam("blind");
        SecretApi.SecretDetail detail = database.read(stores -> {
            NodeRow secret = NodeLookup.secret(stores, caller, blind, Permission.READ);
            List<SecretApi.Version> versions = stores.secrets().versions(secret.id()).stream()
                    .map(v -> new SecretApi.Version(v.secretId(), v.version(), v.keyId(), null, null, v.createdAt()))
                    .toList();
            return new SecretApi.SecretDetail(view(stores, secret, caller), versions);
        });
        Json.respond(ctx, 200, detail);
    }

    /**
     * {@code GET /v1/secrets/{blind}/versions/{version}}: one version (a number or {@code latest})
     * with its value and the copy of its key sealed to the caller.
     */
    private void getVersion(Context ctx) {
        Caller caller = RequestAuthenticator.caller(ctx);
        String blind = ctx.pathParam("blind");
        String versionText = ctx.pathParam("version");
        Integer requested = LATEST.equalsIgnoreCase(versionText) ? null : Names.parseVersion(versionText);
        SecretApi.Version version = database.read(stores -> {
            NodeRow secret = NodeLookup.secret(stores, caller, blind, Permission.READ);
            int number = requested == null ? secret.latestVersion() : requested;
            VersionRow row = stores.secrets().version(secret.id(), number)
                    .orElseThrow(() -> new ApiException(ErrorCode.VERSION_NOT_FOUND, "the secret has no version " + number));
            return new SecretApi.Version(row.secretId(), row.version(), row.keyId(),
                    stores.secrets().keyCopy(row.keyId(), caller.accountId()).orElse(null),
                    row.encryptedValue(), row.createdAt());
        });
        Json.respond(ctx, 200, version);
    }

    /**
     * {@code POST /v1/secrets/{blind}/versions}: version N must be the latest plus one; a writer
     * that lost a race gets version_conflict and retries with a fresh number.
     */
    private void createVersion(Context ctx) {
        Caller caller = RequestAuthenticator.caller(ctx);
        String blind = ctx.pathParam("blind");
        SecretApi.CreateVersionRequest request = Json.read(RequestBody.of(ctx), SecretApi.CreateVersionRequest.class);
        if (request.version() < 1) {
            throw invalid("version", "must be 1 or higher");
        }
        required(request.keyId(), "key_id");
        RequestFields.encryptedValue(request.encryptedValue(), "encrypted_value");

        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        SecretApi.Version created = database.write(stores -> {
            NodeRow secret = NodeLookup.secret(stores, caller, blind, Permission.WRITE);
            if (!stores.secrets().isKeyOf(request.keyId(), secret.id())) {
                throw invalid("key_id", "is not a key of this secret");
            }
            if (!stores.secrets().advanceLatestVersion(secret.id(), request.version())) {
                int latest = stores.nodes().findById(secret.id()).orElseThrow().latestVersion();
                throw new ApiException(ErrorCode.VERSION_CONFLICT, "the next version of this secret is "
                        + (latest + 1) + ", not " + request.version() + "; fetch the secret and try again");
            }
            stores.secrets().insertVersion(secret.id(), request.version(), request.keyId(), request.encryptedValue(), now);
            return new SecretApi.Version(secret.id(), request.version(), request.keyId(), null, null, now);
        });
        Json.respond(ctx, 201, created);
    }

    /** {@code GET /v1/secrets/{blind}/key}: the newest key of the secret, sealed to the caller. */
    private void secretKey(Context ctx) {
        Caller caller = RequestAuthenticator.caller(ctx);
        String blind = ctx.pathParam("blind");
        SecretApi.SecretKeyCopy copy = database.read(stores -> {
            NodeRow secret = NodeLookup.secret(stores, caller, blind, Permission.READ);
            UUID keyId = stores.secrets().newestKey(secret.id()).orElseThrow();
            return new SecretApi.SecretKeyCopy(secret.id(), keyId, stores.secrets().keyCopy(keyId, caller.accountId())
                    .orElseThrow(() -> new ApiException(ErrorCode.SECRET_NOT_FOUND,
                            "the secret's key was not shared with you; ask a writer to re-share the directory")));
        });
        Json.respond(ctx, 200, copy);
    }

    /** {@code DELETE /v1/secrets/{blind}}: the secret with its names, keys and versions. */
    private void deleteSecret(Context ctx) {
        Caller caller = RequestAuthenticator.caller(ctx);
        String blind = ctx.pathParam("blind");
        database.write(stores -> {
            stores.nodes().deleteSubtree(NodeLookup.secret(stores, caller, blind, Permission.WRITE).id());
            return null;
        });
        Json.respond(ctx, 200, Map.of());
    }

    /** {@code DELETE /v1/secrets/{blind}/versions/{version}}: one version, never the last one left. */
    private void deleteVersion(Context ctx) {
        Caller caller = RequestAuthenticator.caller(ctx);
        String blind = ctx.pathParam("blind");
        int number = Names.parseVersion(ctx.pathParam("version"));
        database.write(stores -> {
            NodeRow secret = NodeLookup.secret(stores, caller, blind, Permission.WRITE);
            if (stores.secrets().version(secret.id(), number).isEmpty()) {
                throw new ApiException(ErrorCode.VERSION_NOT_FOUND, "the secret has no version " + number);
            }
            if (secret.versionCount() <= 1) {
                throw new ApiException(ErrorCode.CANNOT_DELETE_LAST_VERSION,
                        "this is the only version of the secret; delete the secret instead");
            }
            stores.secrets().deleteVersion(secret.id(), number);
            return null;
        });
        Json.respond(ctx, 200, Map.of());
    }

    private static SecretApi.Secret view(Stores stores, NodeRow secret, Caller caller) {
        return new SecretApi.Secret(secret.id(), secret.parentId(), secret.blindName(),
                stores.nodes().nameFor(secret.id(), caller.accountId()).orElse(null),
                secret.latestVersion(), secret.versionCount(), secret.createdAt());
    }
}
