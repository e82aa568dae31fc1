package io.secrethub.cli.commands;

import io.secrethub.cli.GlobalOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "secrethub", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "End-to-end encrypted secrets: the server never sees your secrets or their names.",
        subcommands = {
                SignupCommand.class,
                RepoCommand.class,
                MkdirCommand.class,
                WriteCommand.class,
                ReadCommand.class,
                GenerateCommand.class,
                LsCommand.class,
                TreeCommand.class,
                RmCommand.class,
                InspectCommand.class,
                AccountCommand.class,
                CredentialCommand.class,
                ServiceCommand.class,
        })
public final class SecretHubCommand implements Runnable {
    @Mixin
    GlobalOptions options;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    public GlobalOptions options() {
        return options;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
