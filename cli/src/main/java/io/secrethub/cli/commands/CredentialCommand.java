package io.secrethub.cli.commands;

import io.secrethub.client.CredentialInfo;
import io.secrethub.client.SecretHubClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "credential", mixinStandardHelpOptions = true, description = "Manage your credentials.",
        subcommands = {CredentialCommand.Ls.class, CredentialCommand.Disable.class})
final class CredentialCommand {

    @Command(name = "ls", aliases = "list", mixinStandardHelpOptions = true, description = "List your credentials.")
    static final class Ls extends ClientCommand {
        @Option(names = {"-q", "--quiet"}, description = "Only print fingerprints.")
        boolean quiet;

        @Override
        void run(SecretHubClient client) {
            var credentials = client.credentials();
            if (quiet) {
                credentials.forEach(c -> out().println(c.fingerprint()));
                return;
            }
            Table table = new Table("FINGERPRINT", "TYPE", "DESCRIPTION", "CREATED", "STATUS");
            for (CredentialInfo c : credentials) {
                table.row(c.fingerprint().substring(0, 16), c.type(), c.description() == null ? "" : c.description(),
                        Dates.format(c.createdAt()), c.enabled() ? "enabled" : "disabled");
            }
            table.print(out());
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disable a credential so it can no longer be used. The credential you use cannot be disabled.")
    static final class Disable extends ClientCommand {
        @Parameters(paramLabel = "<fingerprint>", description = "The full fingerprint, or a unique prefix of at least 10 characters.")
        String fingerprint;

        @Option(names = {"-f", "--force"}, description = "Do not ask for confirmation.")
        boolean force;

        @Override
        void run(SecretHubClient client) {
            if (!fingerprint.matches("[0-9a-f]{10,64}")) {
                throw new io.secrethub.cli.UserError("'" + fingerprint + "' is not a fingerprint: give at least 10 lower-case hex characters");
            }
            var matches = client.credentials().stream().filter(c -> c.fingerprint().startsWith(fingerprint)).toList();
            if (matches.isEmpty()) {
                throw new io.secrethub.cli.UserError("no credential of yours has a fingerprint starting with " + fingerprint + " (credential_not_found)");
            }
            if (matches.size() > 1) {
                throw new io.secrethub.cli.UserError("several credentials start with " + fingerprint + "; give more characters (fingerprint_not_unique)");
            }
            String full = matches.get(0).fingerprint();
            Confirmation.require(force, "disable the credential " + full, full.substring(0, 10));
            client.disableCredential(full);
            out().println("Disabled the credential " + full);
        }
    }
}
