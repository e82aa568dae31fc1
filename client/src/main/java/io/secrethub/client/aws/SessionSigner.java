package io.secrethub.client.aws;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import io.secrethub.core.api.AwsApi;
import io.secrethub.core.crypto.HmacSha256;
import io.secrethub.core.signing.RequestSigner;
import io.secrethub.core.signing.SignatureParams;

/** Signs requests with an HMAC session, logging in again when less than 30 seconds of it remain. */
final class SessionSigner implements RequestSigner {
    private static final Duration REFRESH_MARGIN = Duration.ofSeconds(30);

    private final Supplier<AwsApi.Session> login;
    private final Clock clock;
    private AwsApi.Session session;

    SessionSigner(Supplier<AwsApi.Session> login, Clock clock) {
        this.login = login;
        this.clock = clock;
    }

    synchronized AwsApi.Session session() {
        if (session == null || clock.instant().plus(REFRESH_MARGIN).isAfter(session.expiresAt())) {
            session = login.get();
        }
        return session;
    }

    @Override
    public RequestSigner forOneRequest() {
        AwsApi.Session current = session();
        return new RequestSigner() {
            @Override
            public String keyId() {
                return current.sessionId();
            }

            @Override
            public String algorithm() {
                return SignatureParams.ALG_HMAC_SHA256;
            }

            @Override
            public byte[] sign(byte[] signatureBase) {
                return HmacSha256.mac(current.sessionKey(), signatureBase);
            }
        };
    }

    // Callers go through forOneRequest(); these keep the interface honest by signing with the current session.
    @Override
    public String keyId() {
        return forOneRequest().keyId();
    }

    @Override
    public String algorithm() {
        return SignatureParams.ALG_HMAC_SHA256;
    }

    @Override
    public byte[] sign(byte[] signatureBase) {
        return forOneRequest().sign(signatureBase);
    }

    @Override
    public String toString() {
        return "SessionSigner[redacted]";
    }
}
