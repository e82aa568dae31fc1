package io.secrethub.server.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import io.javalin.http.Context;
import io.secrethub.core.api.ErrorCode;
import io.secrethub.core.api.Limits;
import io.secrethub.core.crypto.Ed25519;
import io.secrethub.core.crypto.Fingerprints;
import io.secrethub.core.crypto.KeyCredential;
import io.secrethub.core.signing.ContentDigest;
import io.secrethub.core.signing.MessageSignatures;
import io.secrethub.core.signing.RequestParts;
import io.secrethub.core.signing.SignatureFormatException;
import io.secrethub.core.signing.SignatureParams;
import io.secrethub.server.http.ApiException;
import io.secrethub.server.http.RequestBody;
import io.secrethub.server.store.AccountRow;
import io.secrethub.server.store.CredentialRow;
import io.secrethub.server.store.Database;

/**
 * Authenticates requests signed with HTTP Message Signatures (RFC 9421) as this API profiles them.
 * Each refusal has its own code, so a client can tell a wrong clock from a wrong key.
 */
public final class RequestAuthenticator {
    private static final String CALLER_ATTRIBUTE = "secrethub.caller";

    private final Database database;
    private final SessionVerifier sessions;
    private final Clock clock;

    public RequestAuthenticator(Database database, SessionVerifier sessions, Clock clock) {
        this.database = Objects.requireNonNull(database);
        this.sessions = Objects.requireNonNull(sessions);
        this.clock = Objects.requireNonNull(clock);
    }

    /** A before handler: authenticates the request and keeps the {@link Caller} for the route. */
    public void authenticate(Context ctx) {
        ctx.attribute(CALLER_ATTRIBUTE, authenticate(ctx, RequestBody.of(ctx)));
    }

    /** The caller that {@link #authenticate(Context)} found. */
    public static Caller caller(Context ctx) {
        Caller caller = ctx.attribute(CALLER_ATTRIBUTE);
        if (caller == null) {
            throw new IllegalStateException("the route " + ctx.req().getRequestURI() + " ran without authentication");
        }
        return caller;
    }

    Caller authenticate(Context ctx, byte[] body) {
        SignedRequest request = checkEnvelope(ctx, body);
        return switch (request.params().alg()) {
            case SignatureParams.ALG_ED25519 -> verifyKeyCredential(request);
            case SignatureParams.ALG_HMAC_SHA256 -> sessions.verify(request);
            default -> throw new ApiException(ErrorCode.INVALID_SIGNATURE, "the signature algorithm is not supported");
        };
    }

    /**
     * Checks everything about a signature but the key: that it is there and well formed, covers the
     * right components, is fresh, and that the body matches its digest. Sign-up uses this on its own,
     * because its key is in the body.
     */
    public SignedRequest checkEnvelope(Context ctx, byte[] body) {
        String input = ctx.header(MessageSignatures.SIGNATURE_INPUT);
        String signatureHeader = ctx.header(MessageSignatures.SIGNATURE);
        if (input == null || signatureHeader == null) {
            throw new ApiException(ErrorCode.NOT_AUTHENTICATED, "request is not signed; sign it with a credential");
        }
        SignatureParams params;
        byte[] signature;
        try {
            params = SignatureParams.parse(input);
            signature = MessageSignatures.parseSignature(signatureHeader);
        } catch (SignatureFormatException e) {
            throw new ApiException(ErrorCode.INVALID_SIGNATURE, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.INVALID_SIGNATURE, "the Signature header is not valid base64");
        }

        boolean hasBody = body.length > 0;
        if (!params.components().equals(hasBody ? SignatureParams.WITH_BODY : SignatureParams.WITHOUT_BODY)) {
            throw new ApiException(ErrorCode.INVALID_SIGNATURE, "the signature must cover exactly "
                    + String.join(" ", hasBody ? SignatureParams.WITH_BODY : SignatureParams.WITHOUT_BODY)
                    + (hasBody ? " for a request with a body" : " for a request without a body"));
        }

        Instant now = clock.instant();
        if (Math.abs(now.getEpochSecond() - params.created()) > Limits.MAX_CLOCK_SKEW_SECONDS) {
            throw new ApiException(ErrorCode.SIGNATURE_EXPIRED, "the request was signed at "
                    + describe(params.created()) + " but the server's time is " + now.getEpochSecond() + " ("
                    + Instant.ofEpochSecond(now.getEpochSecond()) + "); signatures are accepted within "
                    + Limits.MAX_CLOCK_SKEW_SECONDS + " s of the server's clock, so your clock may be off");
        }

        String digest = null;
        if (hasBody) {
            digest = ctx.header(ContentDigest.HEADER);
            if (!ContentDigest.matches(digest, body)) {
                throw new ApiException(ErrorCode.INVALID_CONTENT_DIGEST, digest == null
                        ? "the request has a body but no Content-Digest header"
                        : "the Content-Digest header does not match the body (sha-256 of the exact bytes sent)");
            }
        }

        String authority = ctx.host();
        if (authority == null || authority.isEmpty()) {
            throw new ApiException(ErrorCode.INVALID_SIGNATURE, "the request has no Host header to check the signature against");
        }
        RequestParts parts = new RequestParts(ctx.req().getMethod(), authority, ctx.req().getRequestURI(),
                ctx.req().getQueryString(), digest);
        return new SignedRequest(params, signature, parts);
    }

    private Caller verifyKeyCredential(SignedRequest request) {
        String fingerprint = request.params().keyId();
        CredentialRow credential = Fingerprints.FORMAT.matcher(fingerprint).matches()
                ? database.read(stores -> stores.accounts().findCredential(fingerprint)).orElse(null)
                : null;
        if (credential == null || !KeyCredential.TYPE.equals(credential.type())) {
            throw new ApiException(ErrorCode.UNKNOWN_CREDENTIAL,
                    "no credential with the fingerprint in keyid exists on this server");
        }
        if (!credential.enabled()) {
            throw new ApiException(ErrorCode.CREDENTIAL_DISABLED,
                    "the credential that signed the request is disabled; enable it from another credential");
        }
        if (!Ed25519.verify(credential.verifier(), request.signatureBase(), request.signature())) {
            throw new ApiException(ErrorCode.INVALID_SIGNATURE,
                    "the signature does not verify; the request may have been changed after signing, or signed for another host");
        }
        AccountRow account = database.read(stores -> stores.accounts().findById(credential.accountId()))
                .orElseThrow(() -> new IllegalStateException("credential without account"));
        return new Caller(account.id(), account.name(), credential.fingerprint());
    }

    private static String describe(long epochSeconds) {
        try {
            return epochSeconds + " (" + Instant.ofEpochSecond(epochSeconds) + ")";
        } catch (java.time.DateTimeException e) {
            return Long.toString(epochSeconds);
        }
    }
}
