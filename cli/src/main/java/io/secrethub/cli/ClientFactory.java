package io.secrethub.cli;

import java.net.URI;
import java.util.function.Supplier;

import io.secrethub.client.SecretHubClient;
import io.secrethub.client.SecretHubException;
import io.secrethub.client.credentials.ConfigDir;
import io.secrethub.client.credentials.Credential;
import io.secrethub.client.credentials.Credentials;
import io.secrethub.client.credentials.KeyCredentialFile;

/** Builds the SDK client from the global flags and environment. */
public final class ClientFactory {
    private static final int PASSPHRASE_ATTEMPTS = 3;

    private ClientFactory() {}

    public static URI apiRemote(GlobalOptions options) {
        String remote = options.apiRemote();
        return URI.create(remote == null ? SecretHubClient.DEFAULT_API_REMOTE : remote);
    }

    public static ConfigDir configDir(GlobalOptions options) {
        String dir = options.configDir();
        return dir == null ? ConfigDir.fromEnvironment(java.util.Map.of()) : ConfigDir.of(dir);
    }

    public static SecretHubClient client(GlobalOptions options) {
        return SecretHubClient.builder()
                .apiRemote(apiRemote(options))
                .environment(options.environment())
                .credential(credential(options))
                .build();
    }

    private static Credential credential(GlobalOptions options) {
        if (options.identityProvider().equals("aws")) {
            // A person at a terminal is best served by seeing every credential source the AWS SDK tried.
            return Credentials.useAws(io.secrethub.client.aws.AwsConfig.builder().credentialsChainVerboseErrors(true).build());
        }
        String encoded = options.credential() != null ? options.credential()
                : Credentials.defaultEncodedCredential(java.util.Map.of(), configDir(options));
        String passphrase = options.credentialPassphrase();
        if (passphrase != null || !KeyCredentialFile.isPassphraseProtected(encoded) || !Terminal.isInteractive()) {
            Supplier<char[]> supplier = passphrase == null ? null : passphrase::toCharArray;
            return Credentials.useKey(encoded, supplier);
        }
        for (int attempt = 1; ; attempt++) {
            char[] typed = Terminal.askSecret("Please put in the passphrase to unlock your credential: ");
            try {
                return Credentials.useKey(encoded, () -> typed);
            } catch (SecretHubException e) {
                if (!"wrong_passphrase".equals(e.code()) || attempt == PASSPHRASE_ATTEMPTS) {
                    throw e;
                }
                System.err.println("Wrong passphrase, please try again.");
            }
        }
    }
}
