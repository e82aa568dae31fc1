package io.secrethub.cli;

import java.util.Map;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Flags every command accepts. Each one falls back to its {@code SECRETHUB_*} environment variable;
 * the flag wins.
 */
public final class GlobalOptions {
    @Option(names = "--credential", scope = ScopeType.INHERIT, paramLabel = "<credential>",
            description = "The credential to use instead of the credential file. Env: SECRETHUB_CREDENTIAL")
    String credential;

    @Option(names = "--credential-passphrase", scope = ScopeType.INHERIT, paramLabel = "<passphrase>",
            description = "The passphrase that unlocks the credential. Env: SECRETHUB_CREDENTIAL_PASSPHRASE")
    String credentialPassphrase;

    @Option(names = "--config-dir", scope = ScopeType.INHERIT, paramLabel = "<dir>",
            description = "The absolute path of the configuration directory (default ~/.secrethub). Env: SECRETHUB_CONFIG_DIR")
    String configDir;

    @Option(names = "--api-remote", scope = ScopeType.INHERIT, paramLabel = "<url>",
            description = "The URL of the SecretHub server (default http://127.0.0.1:8080). Env: SECRETHUB_API_REMOTE")
    String apiRemote;

    @Option(names = "--identity-provider", scope = ScopeType.INHERIT, paramLabel = "<provider>",
            description = "How to authenticate: key (a credential file, the default) or aws (the AWS credentials of this "
                    + "environment: an EC2, ECS, Lambda or EKS role). Env: SECRETHUB_IDENTITY_PROVIDER")
    String identityProvider;

    /** The environment the CLI reads; tests of the CLI process pass their own. */
    static Map<String, String> environment = System.getenv();

    public String credential() {
        return firstOf(credential, "SECRETHUB_CREDENTIAL");
    }

    public String credentialPassphrase() {
        return firstOf(credentialPassphrase, "SECRETHUB_CREDENTIAL_PASSPHRASE");
    }

    public String configDir() {
        return firstOf(configDir, "SECRETHUB_CONFIG_DIR");
    }

    public String apiRemote() {
        return firstOf(apiRemote, "SECRETHUB_API_REMOTE");
    }

    /** {@code key} or {@code aws}. */
    public String identityProvider() {
        String value = firstOf(identityProvider, "SECRETHUB_IDENTITY_PROVIDER");
        String provider = value == null ? "key" : value.toLowerCase(java.util.Locale.ROOT);
        if (!provider.equals("key") && !provider.equals("aws")) {
            throw new UserError("unknown identity provider '" + value + "'; use key or aws");
        }
        return provider;
    }

    public Map<String, String> environment() {
        return environment;
    }

    private static String firstOf(String flag, String env) {
        if (flag != null && !flag.isEmpty()) {
            return flag;
        }
        String value = environment.get(env);
        return value == null || value.isEmpty() ? null : value;
    }
}
