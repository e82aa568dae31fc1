package io.secrethub.cli.commands;

import java.time.format.DateTimeFormatter;
import java.util.List;

import io.secrethub.client.Repo;
import io.secrethub.client.SecretHubClient;
import io.secrethub.core.path.RepoPath;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "repo", aliases = {"repos", "repository"}, mixinStandardHelpOptions = true,
        description = "Manage repositories.",
        subcommands = {RepoCommand.Init.class, RepoCommand.Ls.class, RepoCommand.Rm.class, RepoCommand.Inspect.class})
final class RepoCommand {

    @Command(name = "init", mixinStandardHelpOptions = true, description = "Create a new repository.")
    static final class Init extends ClientCommand {
        @Parameters(paramLabel = "<namespace>/<repo>", description = "The repository to create.")
        String path;

        @Override
        void run(SecretHubClient client) {
            Repo repo = client.createRepo(path);
            out().println("Created a new repository at " + repo.path());
        }
    }

    @Command(name = "ls", aliases = "list", mixinStandardHelpOptions = true, description = "List repositories.")
    static final class Ls extends ClientCommand {
        @Parameters(arity = "0..1", paramLabel = "<namespace>", description = "Only the repositories of this namespace.")
        String namespace;

        @Option(names = {"-q", "--quiet"}, description = "Only print the paths.")
        boolean quiet;

        @Override
        void run(SecretHubClient client) {
            List<Repo> repos = client.listRepos(namespace);
            if (quiet) {
                repos.forEach(r -> out().println(r.path()));
                return;
            }
            Table table = new Table("NAME", "SECRETS", "CREATED");
            repos.forEach(r -> table.row(r.path(), Integer.toString(r.secretCount()), Dates.format(r.createdAt())));
            table.print(out());
        }
    }

    @Command(name = "rm", aliases = "remove", mixinStandardHelpOptions = true,
            description = "Permanently delete a repository with all its directories, secrets and versions.")
    static final class Rm extends ClientCommand {
        @Parameters(paramLabel = "<namespace>/<repo>")
        String path;

        @Option(names = {"-f", "--force"}, description = "Do not ask for confirmation.")
        boolean force;

        @Override
        void run(SecretHubClient client) {
            RepoPath repo = RepoPath.parse(path);
            Confirmation.require(force, "permanently delete the repository " + repo + " and all its secrets", repo.toString());
            client.deleteRepo(repo.toString());
            out().println("Removed the repository " + repo);
        }
    }

    @Command(name = "inspect", mixinStandardHelpOptions = true, description = "Show a repository's details as JSON.")
    static final class Inspect extends ClientCommand {
        @Parameters(paramLabel = "<namespace>/<repo>")
        String path;

        @Override
        void run(SecretHubClient client) {
            Repo repo = client.getRepo(path);
            out().println(JsonOutput.object(
                    "Name", repo.path(),
                    "SecretCount", repo.secretCount(),
                    "CreatedAt", repo.createdAt() == null ? null : DateTimeFormatter.ISO_INSTANT.format(repo.createdAt())));
        }
    }
}
