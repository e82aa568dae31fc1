package io.secrethub.cli.commands;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.concurrent.Callable;

import io.secrethub.cli.ClientFactory;
import io.secrethub.cli.GlobalOptions;
import io.secrethub.cli.Terminal;
import io.secrethub.cli.UserError;
import io.secrethub.client.AccountInfo;
import io.secrethub.client.SecretHubClient;
import io.secrethub.client.credentials.ConfigDir;
import io.secrethub.client.credentials.KeyCredentialFile;
import io.secrethub.core.crypto.KeyCredential;
import io.secrethub.core.path.Names;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "signup", mixinStandardHelpOptions = true,
        description = {"Create a user account and store its new key credential in the config directory.",
                "The credential is protected with the passphrase from --credential-passphrase or "
                        + "SECRETHUB_CREDENTIAL_PASSPHRASE, or one you type; leave it empty for none."})
final class SignupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--username", description = "Your username: 3-32 letters, digits, '_', '-' or '.'.")
    String username;

    @Option(names = "--email", description = "Your email address.")
    String email;

    @Option(names = "--full-name", description = "Your full name.")
    String fullName;

    @Option(names = "--description", description = "A name for this credential, e.g. the device (default: the host name).")
    String description;

    @Option(names = {"-f", "--force"}, description = "Overwrite a credential that already exists in the config directory.")
    boolean force;

    @Override
    public Integer call() {
        GlobalOptions options = ((SecretHubCommand) spec.root().userObject()).options();
        ConfigDir configDir = ClientFactory.configDir(options);
        if (configDir.hasCredential() && !force) {
            throw new UserError("a credential already exists at " + configDir.credentialFile() + "; use --force to replace it");
        }
        String user = username != null ? username : Terminal.ask("Username: ");
        Names.requireUsername(user);
        String mail = email != null ? email : Terminal.ask("Email: ");
        String name = fullName != null ? fullName : Terminal.ask("Full name: ");
        char[] passphrase = passphrase(options);

        KeyCredential credential = KeyCredential.generate();
        String encoded = passphrase.length == 0 ? KeyCredentialFile.encode(credential) : KeyCredentialFile.encode(credential, passphrase);
        Arrays.fill(passphrase, '\0');
        try (SecretHubClient client = SecretHubClient.signup(ClientFactory.apiRemote(options), user, mail, name, credential,
                description != null ? description : hostName())) {
            configDir.writeCredential(encoded, force);
            AccountInfo me = client.me();
            spec.commandLine().getOut().printf("Created account %s. Your credential is stored in %s%n", me.name(), configDir.credentialFile());
        } finally {
            credential.destroy();
        }
        return 0;
    }

    private static char[] passphrase(GlobalOptions options) {
        if (options.credentialPassphrase() != null) {
            return options.credentialPassphrase().toCharArray();
        }
        if (!Terminal.isInteractive()) {
            return new char[0];
        }
        char[] first = Terminal.askSecret("Passphrase to protect your credential (leave empty for none): ");
        if (first.length == 0) {
            return first;
        }
        char[] second = Terminal.askSecret("Type the passphrase again: ");
        if (!Arrays.equals(first, second)) {
            throw new UserError("the passphrases do not match");
        }
        Arrays.fill(second, '\0');
        return first;
    }

    private static String hostName() {
        try {
            String host = InetAddress.getLocalHost().getHostName();
            return host.length() > 32 ? host.substring(0, 32) : host;
        } catch (Exception e) {
            return "cli";
        }
    }
}
