package io.secrethub.core.path;

import java.util.List;

/** {@code <namespace>/<repo>}. */
public record RepoPath(String namespace, String repo) {
    public RepoPath {
        Names.requireNamespace(namespace);
        Names.requireRepoName(repo);
    }

    public static RepoPath parse(String path) {
        List<String> segments = PathSyntax.segments(path, "repo path");
        if (segments.size() != 2) {
            throw new InvalidPathException("'" + Names.printable(path) + "' is not a repo path: expected <namespace>/<repo>");
        }
        return new RepoPath(segments.get(0), segments.get(1));
    }

    public DirPath rootDir() {
        return new DirPath(this, List.of());
    }

    @Override
    public String toString() {
        return namespace + "/" + repo;
    }
}
