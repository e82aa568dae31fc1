package io.secrethub.server.auth.aws;

import java.security.MessageDigest;
import java.time.Clock;

import io.secrethub.core.api.ErrorCode;
import io.secrethub.core.crypto.HmacSha256;
import io.secrethub.core.signing.SignatureParams;
import io.secrethub.server.auth.Caller;
import io.secrethub.server.auth.SessionVerifier;
import io.secrethub.server.auth.SignedRequest;
import io.secrethub.server.http.ApiException;
import io.secrethub.server.store.AccountRow;
import io.secrethub.server.store.CredentialRow;
import io.secrethub.server.store.Database;

/**
 * Verifies a request signed with an HMAC session: the id must be well formed and unexpired, the key
 * is re-derived (never stored), the MAC is compared in constant time, and the credential must still
 * exist and be enabled, so deleting a service account ends its sessions at once.
 */
public final class AwsSessionVerifier implements SessionVerifier {
    private final SessionTokens tokens;
    private final Database database;
    private final Clock clock;

    public AwsSessionVerifier(SessionTokens tokens, Database database, Clock clock) {
        this.tokens = tokens;
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Caller verify(SignedRequest request) {
        if (!SignatureParams.ALG_HMAC_SHA256.equals(request.params().alg())) {
            throw new ApiException(ErrorCode.INVALID_SIGNATURE, "sessions sign with hmac-sha256");
        }
        String sessionId = request.params().keyId();
        SessionTokens.Parsed parsed = SessionTokens.parse(sessionId).orElseThrow(() ->
                new ApiException(ErrorCode.SESSION_NOT_FOUND, "the session does not exist; log in again"));
        if (!clock.instant().isBefore(parsed.expiresAt())) {
            throw new ApiException(ErrorCode.SESSION_EXPIRED, "the session expired at " + parsed.expiresAt() + "; log in again");
        }
        byte[] expected = HmacSha256.mac(tokens.key(sessionId), request.signatureBase());
        if (!MessageDigest.isEqual(expected, request.signature())) {
            throw new ApiException(ErrorCode.INVALID_SIGNATURE, "the session signature does not verify");
        }
        CredentialRow credential = database.read(stores -> stores.accounts().findCredential(parsed.credentialFingerprint()))
                .orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_CREDENTIAL, "the service account of this session was deleted"));
        if (!credential.enabled()) {
            throw new ApiException(ErrorCode.CREDENTIAL_DISABLED, "the credential of this session is disabled");
        }
        AccountRow account = database.read(stores -> stores.accounts().findById(credential.accountId()))
                .orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_CREDENTIAL, "the service account of this session was deleted"));
        return new Caller(account.id(), account.name(), credential.fingerprint());
    }
}
