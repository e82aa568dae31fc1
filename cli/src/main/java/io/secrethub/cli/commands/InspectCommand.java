package io.secrethub.cli.commands;

import java.util.List;
import java.util.Map;

import io.secrethub.client.Repo;
import io.secrethub.client.SecretHubClient;
import io.secrethub.client.SecretInfo;
import io.secrethub.core.path.DirPath;
import io.secrethub.core.path.SecretPath;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "inspect", mixinStandardHelpOptions = true, description = "Show the details of a repository or a secret as JSON.")
final class InspectCommand extends ClientCommand {
    @Parameters(paramLabel = "<path>", description = "<namespace>/<repo> or a secret path.")
    String path;

    @Override
    void run(SecretHubClient client) {
        DirPath asDir = path.contains(":") ? null : DirPath.parse(path);
        if (asDir != null && asDir.isRoot()) {
            Repo repo = client.getRepo(asDir.toString());
            out().println(JsonOutput.object("Name", repo.path(), "SecretCount", repo.secretCount(), "CreatedAt", repo.createdAt()));
            return;
        }
        SecretPath secret = SecretPath.parse(path);
        SecretInfo info = client.inspect(secret.withVersion(null).toString());
        if (secret.hasVersion()) {
            SecretInfo.VersionInfo v = info.versions().stream().filter(x -> x.version() == secret.version()).findFirst()
                    .orElseThrow(() -> new io.secrethub.client.SecretHubException("version_not_found", "version " + secret + " does not exist"));
            out().println(JsonOutput.object("Path", info.path(), "Version", v.version(), "CreatedAt", v.createdAt()));
            return;
        }
        List<Map<String, Object>> versions = info.versions().stream()
                .map(v -> Map.<String, Object>of("Version", v.version(), "CreatedAt", v.createdAt())).toList();
        out().println(JsonOutput.object("Path", info.path(), "LatestVersion", info.latestVersion(),
                "VersionCount", info.versionCount(), "CreatedAt", info.createdAt(), "Versions", versions));
    }
}
