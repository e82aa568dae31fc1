package io.secrethub.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the launchers of this checkout are, and which JDK runs them: the one running the tests. */
final class ProjectLayout {
    static final Path ROOT = findRoot();
    static final String JAVA_HOME = System.getProperty("java.home");

    private ProjectLayout() {}

    private static Path findRoot() {
        Path dir = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("bin/secrethub"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find bin/secrethub above " + System.getProperty("basedir"));
        }
        return dir;
    }

    static Path launcher(String name) {
        return ROOT.resolve("bin").resolve(name);
    }
}
