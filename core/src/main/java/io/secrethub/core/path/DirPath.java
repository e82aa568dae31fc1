package io.secrethub.core.path;

import java.util.ArrayList;
import java.util.List;

/** {@code <namespace>/<repo>[/<dir>]*}. The repo's root directory has no dir segments. */
public record DirPath(RepoPath repo, List<String> dirs) {
    public DirPath {
        dirs = List.copyOf(dirs);
        dirs.forEach(Names::requireDirName);
    }

    public static DirPath parse(String path) {
        List<String> segments = PathSyntax.segments(path, "directory path");
        if (segments.size() < 2) {
            throw new InvalidPathException("'" + Names.printable(path) + "' is not a directory path: expected <namespace>/<repo>[/<dir>...]");
        }
        return new DirPath(new RepoPath(segments.get(0), segments.get(1)), segments.subList(2, segments.size()));
    }

    public boolean isRoot() {
        return dirs.isEmpty();
    }

    public DirPath parent() {
        if (isRoot()) {
            throw new IllegalStateException("the root directory of a repo has no parent");
        }
        return new DirPath(repo, dirs.subList(0, dirs.size() - 1));
    }

    public DirPath child(String name) {
        List<String> children = new ArrayList<>(dirs);
        children.add(name);
        return new DirPath(repo, children);
    }

    public SecretPath secret(String name) {
        return new SecretPath(this, name, null);
    }

    /** The last segment: the directory's own name, or the repo name for the root. */
    public String name() {
        return isRoot() ? repo.repo() : dirs.get(dirs.size() - 1);
    }

    /** The text that is blinded: NFC, lower case, without any version. */
    public String blindInput() {
        return Names.normalize(toString());
    }

    @Override
    public String toString() {
        return dirs.isEmpty() ? repo.toString() : repo + "/" + String.join("/", dirs);
    }
}
