package io.secrethub.server;

import java.time.Clock;
import java.util.Objects;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.secrethub.core.api.Limits;
import io.secrethub.server.accounts.AccountRoutes;
import java.net.URI;

import io.secrethub.core.api.AwsApi;
import io.secrethub.server.auth.RequestAuthenticator;
import io.secrethub.server.auth.aws.AwsIdentityVerifier;
import io.secrethub.server.auth.aws.AwsLogin;
import io.secrethub.server.auth.aws.AwsSessionVerifier;
import io.secrethub.server.auth.aws.AwsSettings;
import io.secrethub.server.auth.aws.SessionSecret;
import io.secrethub.server.auth.aws.SessionTokens;
import io.secrethub.server.auth.aws.SignedStsRequestChecks;
import io.secrethub.server.auth.aws.StsCaller;
import io.secrethub.server.services.ServiceRoutes;
import io.secrethub.server.http.ErrorResponses;
import io.secrethub.server.http.JettyErrorResponses;
import io.secrethub.server.http.RequestBody;
import io.secrethub.server.http.RequestLog;
import io.secrethub.server.repos.RepoRoutes;
import io.secrethub.server.secrets.SecretRoutes;
import io.secrethub.server.store.Database;
import io.secrethub.server.tree.TreeRoutes;

/** The API server: storage, authentication and every feature's routes on one Javalin instance. */
public final class ApiServer implements AutoCloseable {
    private final ServerConfig config;
    private final Clock clock;
    private Database database;
    private Javalin app;

    public ApiServer(ServerConfig config) {
        this(config, Clock.systemUTC());
    }

    public ApiServer(ServerConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Opens the database (migrating it) and starts listening. */
    public synchronized ApiServer start() {
        if (app != null) {
            throw new IllegalStateException("the server is already started");
        }
        database = Database.openSqlite(config.dataDir());
        try {
            AwsSettings aws = config.aws();
            SessionTokens tokens = new SessionTokens(SessionSecret.loadOrCreate(aws.sessionSecretFile() != null
                    ? aws.sessionSecretFile() : config.dataDir().resolve("session-secret")));
            RequestAuthenticator authenticator = new RequestAuthenticator(database, new AwsSessionVerifier(tokens, database, clock), clock);
            AccountRoutes accounts = new AccountRoutes(database, authenticator, config.allowSignup(), clock);
            RepoRoutes repos = new RepoRoutes(database, clock);
            TreeRoutes tree = new TreeRoutes(database, clock);
            SecretRoutes secrets = new SecretRoutes(database, clock);
            // The audience needs the bound port, which only Jetty knows once started; resolve it per call.
            AwsIdentityVerifier identities = new AwsIdentityVerifier(
                    new SignedStsRequestChecks(aws.endpoints(), () -> aws.audience() != null ? aws.audience()
                            : AwsApi.audienceFor(URI.create(publicUrl()))), new StsCaller(), clock);
            AwsLogin awsLogin = new AwsLogin(identities, database, tokens, aws.sessionTtl(), clock);
            ServiceRoutes services = new ServiceRoutes(database, identities, clock);
            app = Javalin.create(javalin -> {
                configure(javalin);
                // Runs for matched routes only, so an unknown path is a plain 404 whoever asks.
                javalin.routes.beforeMatched("/v1/*", RequestBody::read);
                javalin.routes.beforeMatched("/v1/*", ctx -> {
                    if (!isUnauthenticated(ctx.req().getMethod(), ctx.req().getRequestURI())) {
                        authenticator.authenticate(ctx);
                    }
                });
                accounts.register(javalin.routes);
                repos.register(javalin.routes);
                tree.register(javalin.routes);
                secrets.register(javalin.routes);
                awsLogin.register(javalin.routes);
                services.register(javalin.routes);
                ErrorResponses.register(javalin.routes);
            });
            app.start();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    private void configure(JavalinConfig javalin) {
        javalin.jetty.host = config.listenAddress();
        javalin.jetty.port = config.port();
        javalin.http.maxRequestSize = Limits.MAX_REQUEST_BODY;
        javalin.concurrency.useVirtualThreads = true;
        javalin.startup.showJavalinBanner = false;
        javalin.startup.showOldJavalinVersionWarning = false;
        javalin.requestLogger.http(RequestLog::log);
        javalin.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrorResponses()));
    }

    /**
     * Sign-up carries its own credential in the body and checks the signature itself; an AWS login's
     * proof is its signed GetCallerIdentity.
     */
    private static boolean isUnauthenticated(String method, String rawPath) {
        return "POST".equals(method) && (AccountRoutes.SIGNUP_PATH.equals(rawPath) || AwsLogin.PATH.equals(rawPath));
    }

    /** The port the server listens on (useful with port 0). */
    public int port() {
        if (app == null) {
            throw new IllegalStateException("the server is not started");
        }
        return app.port();
    }

    public String publicUrl() {
        return config.publicUrl(port());
    }

    /** The URL the server listens on, as printed when it starts. */
    public String listenUrl() {
        return ServerConfig.localUrl(config.listenAddress(), port());
    }

    @Override
    public synchronized void close() {
        if (app != null) {
            app.stop();
            app = null;
        }
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
