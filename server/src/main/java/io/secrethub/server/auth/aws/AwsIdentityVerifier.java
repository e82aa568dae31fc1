package io.secrethub.server.auth.aws;

import java.time.Clock;

import io.secrethub.core.api.AwsApi;
import io.secrethub.server.http.ApiException;

/**
 * Proves who holds a signed {@code sts:GetCallerIdentity}: runs every check, then lets STS itself
 * verify the signature. Used for logins and for the proof a creator gives at service creation.
 */
public final class AwsIdentityVerifier {
    private final SignedStsRequestChecks checks;
    private final StsCaller sts;
    private final Clock clock;

    public AwsIdentityVerifier(SignedStsRequestChecks checks, StsCaller sts, Clock clock) {
        this.checks = checks;
        this.sts = sts;
        this.clock = clock;
    }

    /** A login: signed for this server's audience. */
    public CallerIdentity verify(AwsApi.SignedCallerIdentity signed) {
        return verify(signed, checks.audience());
    }

    /** A proof signed for {@code audience}, e.g. {@link AwsApi#creationAudience}. */
    public CallerIdentity verify(AwsApi.SignedCallerIdentity signed, String audience) {
        try {
            return sts.call(checks.check(signed, clock.instant(), audience));
        } catch (AwsLoginRefused e) {
            throw new ApiException(e.code(), e.getMessage());
        }
    }

    public String audience() {
        return checks.audience();
    }
}
