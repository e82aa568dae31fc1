package io.secrethub.cli.commands;

import io.secrethub.cli.UserError;
import io.secrethub.client.SecretHubClient;
import io.secrethub.core.path.DirPath;
import io.secrethub.core.path.SecretPath;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "rm", aliases = "remove", mixinStandardHelpOptions = true,
        description = {"Remove a secret with all its versions, one version (<path>:<version>), or a directory (with -r)."})
final class RmCommand extends ClientCommand {
    @Parameters(paramLabel = "<path>")
    String path;

    @Option(names = {"-r", "--recursive"}, description = "Remove a directory and everything in it.")
    boolean recursive;

    @Option(names = {"-f", "--force"}, description = "Do not ask for confirmation.")
    boolean force;

    @Override
    void run(SecretHubClient client) {
        if (path.contains(":")) {
            SecretPath version = SecretPath.parse(path);
            Confirmation.require(force, "permanently delete version " + version, version.toString());
            client.deleteSecret(version.toString());
            out().println("Removed " + version);
            return;
        }
        DirPath asDir = DirPath.parse(path);
        if (!asDir.isRoot() && asDir.dirs().size() >= 1 && client.dirExists(asDir.toString())) {
            if (!recursive) {
                throw new UserError(asDir + " is a directory; use -r to remove it with everything in it");
            }
            Confirmation.require(force, "permanently delete the directory " + asDir + " with all its contents", asDir.toString());
            client.deleteDir(asDir.toString());
            out().println("Removed directory " + asDir);
            return;
        }
        if (asDir.isRoot()) {
            throw new UserError(asDir + " is a repository; use `secrethub repo rm " + asDir + "`");
        }
        SecretPath secret = SecretPath.parse(path);
        if (!client.exists(secret.toString())) {
            throw new UserError("secret " + secret + " does not exist (secret_not_found)");
        }
        Confirmation.require(force, "permanently delete the secret " + secret + " with all its versions", secret.toString());
        client.deleteSecret(secret.toString());
        out().println("Removed secret " + secret);
    }
}
