package io.secrethub.client.credentials;

import java.util.Map;
import java.util.function.Supplier;

import io.secrethub.client.SecretHubException;
import io.secrethub.core.crypto.KeyCredential;

/**
 * Where credentials come from.
 *
 * <pre>{@code
 * Credential c = Credentials.fromEnvironment(System.getenv(), null);   // SECRETHUB_CREDENTIAL or ~/.secrethub/credential
 * Credential k = Credentials.useKey(encodedCredential, () -> passphrase);
 * }</pre>
 */
public final class Credentials {
    public static final String CREDENTIAL_ENV = "SECRETHUB_CREDENTIAL";
    public static final String PASSPHRASE_ENV = "SECRETHUB_CREDENTIAL_PASSPHRASE";

    private Credentials() {}

    /**
     * The AWS identity provider with the AWS SDK's default credential and region chains: EC2 instance
     * profiles, ECS task roles, Lambda execution roles and EKS (IRSA, Pod Identity) work as they are.
     */
    public static Credential useAws() {
        return useAws(io.secrethub.client.aws.AwsConfig.defaults());
    }

    /** The AWS identity provider with explicit AWS configuration. */
    public static Credential useAws(io.secrethub.client.aws.AwsConfig config) {
        return io.secrethub.client.aws.AwsCredential.create(config);
    }

    /** A key credential held in memory. */
    public static Credential useKey(KeyCredential key) {
        return new KeyFileCredential(key);
    }

    /**
     * A key credential in its one-line encoding (the content of a credential file).
     *
     * @param passphrase asked only if the credential is passphrase-protected; may be null
     */
    public static Credential useKey(String encoded, Supplier<char[]> passphrase) {
        return new KeyFileCredential(KeyCredentialFile.decode(encoded, passphrase));
    }

    /**
     * The default key credential: {@code SECRETHUB_CREDENTIAL}, else the credential file in the config
     * dir ({@code SECRETHUB_CONFIG_DIR}, default {@code ~/.secrethub}). The passphrase comes from
     * {@code SECRETHUB_CREDENTIAL_PASSPHRASE}, else from {@code passphrase}.
     */
    public static Credential fromEnvironment(Map<String, String> env, Supplier<char[]> passphrase) {
        return useKey(defaultEncodedCredential(env, ConfigDir.fromEnvironment(env)), passphraseFrom(env, passphrase));
    }

    /** The encoded credential from {@code SECRETHUB_CREDENTIAL}, else from the config dir. */
    public static String defaultEncodedCredential(Map<String, String> env, ConfigDir configDir) {
        String inline = env.get(CREDENTIAL_ENV);
        if (inline != null && !inline.isBlank()) {
            return inline;
        }
        if (!configDir.hasCredential()) {
            throw new SecretHubException("credential_not_configured", "no credential found: " + configDir.credentialFile()
                    + " does not exist. Run `secrethub signup` to create an account, or set SECRETHUB_CREDENTIAL, "
                    + "or use SECRETHUB_IDENTITY_PROVIDER=aws on AWS.");
        }
        return configDir.readCredential();
    }

    /** {@code SECRETHUB_CREDENTIAL_PASSPHRASE} when set, else {@code fallback}. */
    public static Supplier<char[]> passphraseFrom(Map<String, String> env, Supplier<char[]> fallback) {
        String value = env.get(PASSPHRASE_ENV);
        if (value != null && !value.isEmpty()) {
            return value::toCharArray;
        }
        return fallback;
    }
}
