package io.secrethub.server.accounts;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.secrethub.core.api.AccountApi;
import io.secrethub.core.api.ErrorCode;
import io.secrethub.core.crypto.Ed25519;
import io.secrethub.core.signing.SignatureParams;
import io.secrethub.server.auth.Caller;
import io.secrethub.server.auth.RequestAuthenticator;
import io.secrethub.server.auth.SignedRequest;
import io.secrethub.server.http.ApiException;
import io.secrethub.server.http.Json;
import io.secrethub.server.http.RequestBody;
import io.secrethub.server.http.RequestFields;
import io.secrethub.server.store.AccountRow;
import io.secrethub.server.store.CredentialRow;
import io.secrethub.server.store.Database;

/** Sign-up, the caller's own account and credentials, and other accounts' public keys. */
public final class AccountRoutes {
    /** The one route that is not authenticated by a known credential: its credential is in the body. */
    public static final String SIGNUP_PATH = "/v1/users";

    private final Database database;
    private final RequestAuthenticator authenticator;
    private final boolean allowSignup;
    private final Clock clock;

    public AccountRoutes(Database database, RequestAuthenticator authenticator, boolean allowSignup, Clock clock) {
        this.database = Objects.requireNonNull(database);
        this.authenticator = Objects.requireNonNull(authenticator);
        this.allowSignup = allowSignup;
        this.clock = Objects.requireNonNull(clock);
    }

    public void register(RoutesConfig routes) {
        routes.post(SIGNUP_PATH, this::signup);
        routes.get("/v1/me", this::me);
        routes.get("/v1/me/key", this::myKey);
        routes.get("/v1/me/credentials", this::myCredentials);
        routes.patch("/v1/me/credentials/{fingerprint}", this::updateCredential);
        routes.get("/v1/accounts/{name}", this::accountPublicKey);
    }

    /** {@code POST /v1/users}: a user account with its first key credential. */
    private void signup(Context ctx) {
        if (!allowSignup) {
            throw new ApiException(ErrorCode.SIGNUP_CLOSED, "sign-up is closed on this server; ask its operator for an account");
        }
        byte[] body = RequestBody.of(ctx);
        SignedRequest signed = authenticator.checkEnvelope(ctx, body);
        AccountApi.SignupRequest request = Json.read(body, AccountApi.SignupRequest.class);
        SignupValidation.check(request);
        AccountApi.NewCredential credential = request.credential();
        // Proof of possession: the new credential itself signed the request.
        if (!SignatureParams.ALG_ED25519.equals(signed.params().alg())
                || !signed.params().keyId().equals(credential.fingerprint())
                || !Ed25519.verify(credential.verifier(), signed.signatureBase(), signed.signature())) {
            throw new ApiException(ErrorCode.INVALID_SIGNATURE,
                    "a sign-up must be signed with ed25519 by the credential it registers (keyid = its fingerprint)");
        }

        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        AccountRow account = new AccountRow(request.accountId(), request.username(), AccountRow.USER,
                request.publicKey().suite(), request.publicKey().key(), request.email(), request.fullName(), now);
        CredentialRow credentialRow = new CredentialRow(credential.fingerprint(), request.accountId(), credential.type(),
                credential.verifier(), credential.description(), true, credential.sealedAccountKey(), now);
        database.write(stores -> {
            if (stores.accounts().findByName(request.username()).isPresent()) {
                throw new ApiException(ErrorCode.USERNAME_TAKEN, "the username '" + request.username() + "' is taken");
            }
            if (stores.accounts().findCredential(credential.fingerprint()).isPresent()) {
                throw new ApiException(ErrorCode.CREDENTIAL_ALREADY_EXISTS,
                        "this credential is already registered; generate a new one");
            }
            if (stores.accounts().idExists(request.accountId())) {
                throw RequestFields.invalid("account_id", "is already in use; generate a new random id");
            }
            stores.accounts().insert(account, credentialRow);
            return null;
        });
        Json.respond(ctx, 201, AccountViews.account(account));
    }

    /** {@code GET /v1/me}. */
    private void me(Context ctx) {
        Json.respond(ctx, 200, AccountViews.account(callerAccount(RequestAuthenticator.caller(ctx))));
    }

    /** {@code GET /v1/me/key}: the account key sealed to the credential that signed this request. */
    private void myKey(Context ctx) {
        Caller caller = RequestAuthenticator.caller(ctx);
        AccountRow account = callerAccount(caller);
        CredentialRow credential = database.read(stores -> stores.accounts().findCredential(caller.credentialFingerprint()))
                .filter(c -> c.accountId().equals(caller.accountId()))
                .orElseThrow(() -> new ApiException(ErrorCode.CREDENTIAL_NOT_FOUND,
                        "the request was not signed by a credential that holds a copy of the account key"));
        // An AWS credential's copy is the KMS ciphertext; only the role's own kms:Decrypt can open it.
        var kmsWrapped = credential.sealedAccountKey() != null ? null
                : database.read(stores -> stores.services().findByFingerprint(credential.fingerprint()))
                        .map(service -> service.aws().wrappedAccountKey())
                        .orElseThrow(() -> new ApiException(ErrorCode.CREDENTIAL_NOT_FOUND, "the credential holds no copy of the account key"));
        Json.respond(ctx, 200, new AccountApi.AccountKey(account.id(), account.name(),
                new AccountApi.PublicKey(account.publicKeySuite(), account.publicKey()),
                credential.fingerprint(), credential.sealedAccountKey(), kmsWrapped));
    }

    /** {@code GET /v1/me/credentials}. */
    private void myCredentials(Context ctx) {
        Caller caller = RequestAuthenticator.caller(ctx);
        Json.respond(ctx, 200, database.read(stores -> stores.accounts().credentialsOf(caller.accountId()))
                .stream().map(AccountViews::credential).toList());
    }

    /** {@code PATCH /v1/me/credentials/{fingerprint}}: enable or disable one of the caller's credentials. */
    private void updateCredential(Context ctx) {
        Caller caller = RequestAuthenticator.caller(ctx);
        String fingerprint = ctx.pathParam("fingerprint");
        AccountApi.UpdateCredentialRequest request = Json.read(RequestBody.of(ctx), AccountApi.UpdateCredentialRequest.class);
        boolean enabled = RequestFields.required(request.enabled(), "enabled");
        CredentialRow updated = database.write(stores -> {
            CredentialRow credential = stores.accounts().findCredential(fingerprint)
                    .filter(c -> c.accountId().equals(caller.accountId()))
                    .orElseThrow(() -> new ApiException(ErrorCode.CREDENTIAL_NOT_FOUND, "you have no credential with that fingerprint"));
            if (!enabled && credential.fingerprint().equals(caller.credentialFingerprint())) {
                throw new ApiException(ErrorCode.CANNOT_DISABLE_CURRENT_CREDENTIAL,
                        "this request was signed with the credential it would disable; sign it with another credential");
            }
            stores.accounts().setCredentialEnabled(credential.fingerprint(), enabled);
            return stores.accounts().findCredential(fingerprint).orElseThrow();
        });
        Json.respond(ctx, 200, AccountViews.credential(updated));
    }

    /** {@code GET /v1/accounts/{name}}: anyone signed in may look up a public key to share with. */
    private void accountPublicKey(Context ctx) {
        String name = ctx.pathParam("name");
        AccountRow account = database.read(stores -> stores.accounts().findByName(name))
                .orElseThrow(() -> new ApiException(ErrorCode.ACCOUNT_NOT_FOUND, "there is no account with that name"));
        Json.respond(ctx, 200, AccountViews.publicKeyOf(account));
    }

    private AccountRow callerAccount(Caller caller) {
        return database.read(stores -> stores.accounts().findById(caller.accountId()))
                .orElseThrow(() -> new IllegalStateException("authenticated caller without account"));
    }
}
