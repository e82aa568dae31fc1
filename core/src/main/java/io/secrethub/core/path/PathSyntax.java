package io.secrethub.core.path;

import java.util.Arrays;
import java.util.List;

final class PathSyntax {
    private PathSyntax() {}

    static List<String> segments(String path, String what) {
        if (path == null || path.isBlank()) {
            throw new InvalidPathException(what + " must not be empty");
        }
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (trimmed.startsWith("/")) {
            throw new InvalidPathException(what + " '" + Names.printable(path) + "' must not start with '/'");
        }
        List<String> segments = Arrays.asList(trimmed.split("/", -1));
        if (segments.stream().anyMatch(String::isEmpty)) {
            throw new InvalidPathException(what + " '" + Names.printable(path) + "' contains an empty segment");
        }
        return segments;
    }
}
