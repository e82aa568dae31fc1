package io.secrethub.server.auth.aws;

import java.time.Clock;
import java.time.Duration;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.secrethub.core.api.AwsApi;
import io.secrethub.core.api.ErrorCode;
import io.secrethub.server.http.ApiException;
import io.secrethub.server.http.Json;
import io.secrethub.server.http.RequestBody;
import io.secrethub.server.store.Database;
import io.secrethub.server.store.ServiceRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/auth/aws}: a process proves its IAM role and gets an HMAC session for the service
 * account bound to that role. Unauthenticated: the signed GetCallerIdentity is the proof.
 */
public final class AwsLogin {
    public static final String PATH = "/v1/auth/aws";
    private static final Logger AUDIT = LoggerFactory.getLogger("secrethub.audit");

    private final AwsIdentityVerifier identities;
    private final Database database;
    private final SessionTokens sessions;
    private final Duration ttl;
    private final Clock clock;

    public AwsLogin(AwsIdentityVerifier identities, Database database, SessionTokens sessions, Duration ttl, Clock clock) {
        this.identities = identities;
        this.database = database;
        this.sessions = sessions;
        this.ttl = ttl;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.post(PATH, this::login);
    }

    private void login(Context ctx) {
        AwsApi.LoginRequest request = Json.read(RequestBody.of(ctx), AwsApi.LoginRequest.class);
        if (request.request() == null) {
            throw new ApiException(ErrorCode.MALFORMED_JSON, "the login must carry the signed request");
        }
        CallerIdentity identity = identities.verify(request.request());
        AwsRole.Session caller;
        try {
            caller = AwsRole.fromCallerArn(identity.arn());
        } catch (AwsLoginRefused e) {
            throw new ApiException(e.code(), e.getMessage());
        }
        ServiceRow service = database.write(stores -> {
            ServiceRow found = stores.services().findByRole(caller.role().matchKey()).orElseThrow(() -> new ApiException(
                    ErrorCode.NO_SERVICE_WITH_ROLE, "there is no service account for the IAM role " + caller.role().arn()
                            + "; create one with `secrethub service aws init <namespace>/<repo> --role " + caller.role().name() + " ...`"));
            String uniqueId = identity.userId().contains(":") ? identity.userId().substring(0, identity.userId().indexOf(':')) : identity.userId();
            String bound = found.aws().roleUniqueId();
            if (bound == null) {
                stores.services().bindRoleUniqueId(found.aws().fingerprint(), uniqueId);
            } else if (!bound.equals(uniqueId)) {
                throw new ApiException(ErrorCode.AWS_ROLE_RECREATED, "the IAM role " + caller.role().arn()
                        + " was deleted and re-created since its service account was made (its unique id changed from " + bound
                        + " to " + uniqueId + "); create a new service account for it");
            }
            return found;
        });
        SessionTokens.Minted session = sessions.mint(service.aws().fingerprint(), clock.instant().plus(ttl));
        // The audit names the role session: the instance, task or function that logged in.
        AUDIT.info("aws login: service {} role {} session {}", service.serviceId(), caller.role().arn(), caller.sessionName());
        Json.respond(ctx, 200, new AwsApi.Session(session.sessionId(), session.sessionKey(), session.expiresAt(),
                service.serviceId(), service.aws().roleArn()));
    }
}
