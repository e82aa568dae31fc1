package io.secrethub.cli.commands;

import java.util.List;

import io.secrethub.client.DirEntry;
import io.secrethub.client.SecretHubClient;
import io.secrethub.client.SecretHubException;
import io.secrethub.client.SecretInfo;
import io.secrethub.core.api.ErrorCode;
import io.secrethub.core.path.DirPath;
import io.secrethub.core.path.SecretPath;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ls", aliases = "list", mixinStandardHelpOptions = true,
        description = "List the contents of a directory, or the versions of a secret.")
final class LsCommand extends ClientCommand {
    @Parameters(paramLabel = "<path>", description = "A directory path, or a secret path to list its versions.")
    String path;

    @Option(names = {"-q", "--quiet"}, description = "Only print names (or version numbers).")
    boolean quiet;

    @Override
    void run(SecretHubClient client) {
        if (path.contains(":")) {
            listVersions(client, SecretPath.parse(path));
            return;
        }
        DirPath dir = DirPath.parse(path);
        List<DirEntry> entries;
        try {
            entries = client.list(dir.toString());
        } catch (SecretHubException e) {
            if (e.is(ErrorCode.DIR_NOT_FOUND) && !dir.isRoot()) {
                listVersions(client, dir.parent().secret(dir.name()));
                return;
            }
            throw e;
        }
        if (quiet) {
            entries.forEach(e -> out().println(e.name() + (e.directory() ? "/" : "")));
            return;
        }
        Table table = new Table("NAME", "TYPE", "VERSION", "CREATED");
        for (DirEntry e : entries) {
            table.row(e.name() + (e.directory() ? "/" : ""), e.directory() ? "dir" : "secret",
                    e.directory() ? "" : Integer.toString(e.latestVersion()), Dates.format(e.createdAt()));
        }
        table.print(out());
    }

    private void listVersions(SecretHubClient client, SecretPath secret) {
        SecretInfo info = client.inspect(secret.withVersion(null).toString());
        if (quiet) {
            info.versions().forEach(v -> out().println(v.version()));
            return;
        }
        Table table = new Table("VERSION", "CREATED");
        info.versions().forEach(v -> table.row(Integer.toString(v.version()), Dates.format(v.createdAt())));
        table.print(out());
    }

}
