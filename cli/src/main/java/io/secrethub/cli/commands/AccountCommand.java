package io.secrethub.cli.commands;

import io.secrethub.client.AccountInfo;
import io.secrethub.client.SecretHubClient;
import picocli.CommandLine.Command;

@Command(name = "account", mixinStandardHelpOptions = true, description = "Manage your account.",
        subcommands = AccountCommand.Inspect.class)
final class AccountCommand {

    @Command(name = "inspect", mixinStandardHelpOptions = true, description = "Show the account you are signed in as.")
    static final class Inspect extends ClientCommand {
        @Override
        void run(SecretHubClient client) {
            AccountInfo me = client.me();
            out().println(JsonOutput.object("Username", me.name(), "FullName", me.fullName(), "Email", me.email(),
                    "AccountType", me.accountType(), "CreatedAt", me.createdAt()));
        }
    }
}
