package io.secrethub.cli.commands;

import java.util.List;

import io.secrethub.client.SecretHubClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "mkdir", mixinStandardHelpOptions = true, description = "Create directories.")
final class MkdirCommand extends ClientCommand {
    @Parameters(arity = "1..*", paramLabel = "<dir-path>", description = "Paths of the form <namespace>/<repo>/<dir>[/...].")
    List<String> paths;

    @Option(names = "--parents", description = "Create missing parent directories too, and accept directories that exist.")
    boolean parents;

    @Override
    void run(SecretHubClient client) {
        for (String path : paths) {
            client.mkdir(path, parents);
            out().println("Created a new directory at " + stripSlash(path));
        }
    }

    private static String stripSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
