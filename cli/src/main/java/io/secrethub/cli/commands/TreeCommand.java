package io.secrethub.cli.commands;

import java.util.List;

import io.secrethub.client.SecretHubClient;
import io.secrethub.client.TreeNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "tree", mixinStandardHelpOptions = true, description = "Show the contents of a directory as a tree.")
final class TreeCommand extends ClientCommand {
    @Parameters(paramLabel = "<dir-path>")
    String path;

    @Option(names = {"-f", "--full-paths"}, description = "Print the full path of each entry.")
    boolean fullPaths;

    @Option(names = {"-i", "--no-indentation"}, description = "Do not print indentation lines.")
    boolean noIndentation;

    @Option(names = "--no-report", description = "Do not print the count of directories and secrets.")
    boolean noReport;

    @Override
    void run(SecretHubClient client) {
        TreeNode root = client.tree(path);
        out().println(fullPaths ? root.path() : root.name() + "/");
        print(root.children(), "");
        if (!noReport) {
            int[] counts = root.countDirsAndSecrets();
            out().println();
            out().printf("%d %s, %d %s%n", counts[0], counts[0] == 1 ? "directory" : "directories",
                    counts[1], counts[1] == 1 ? "secret" : "secrets");
        }
    }

    private void print(List<TreeNode> nodes, String prefix) {
        for (int i = 0; i < nodes.size(); i++) {
            TreeNode node = nodes.get(i);
            boolean last = i == nodes.size() - 1;
            String label = (fullPaths ? node.path() : node.name()) + (node.directory() ? "/" : "");
            out().println(noIndentation ? label : prefix + (last ? "└── " : "├── ") + label);
            print(node.children(), noIndentation ? "" : prefix + (last ? "    " : "│   "));
        }
    }
}
