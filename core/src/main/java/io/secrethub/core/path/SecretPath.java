package io.secrethub.core.path;

import java.util.List;

/**
 * {@code <namespace>/<repo>[/<dir>]*\/<secret>[:<version>|:latest]}. A {@code null} version means latest.
 */
public record SecretPath(DirPath parent, String name, Integer version) {
    public SecretPath {
        Names.requireSecretName(name);
        if (version != null && version < 1) {
            throw new InvalidPathException("version must be 1 or higher");
        }
    }

    public static SecretPath parse(String path) {
        if (path == null) {
            throw new InvalidPathException("secret path must not be empty");
        }
        String withoutVersion = path;
        Integer version = null;
        int colon = path.lastIndexOf(':');
        if (colon >= 0) {
            String v = path.substring(colon + 1).toLowerCase(java.util.Locale.ROOT);
            withoutVersion = path.substring(0, colon);
            version = v.equals("latest") ? null : Names.parseVersion(v);
        }
        List<String> segments = PathSyntax.segments(withoutVersion, "secret path");
        if (segments.size() < 3) {
            throw new InvalidPathException("'" + Names.printable(path)
                    + "' is not a secret path: expected <namespace>/<repo>[/<dir>...]/<secret>[:<version>]");
        }
        DirPath parent = new DirPath(new RepoPath(segments.get(0), segments.get(1)), segments.subList(2, segments.size() - 1));
        return new SecretPath(parent, segments.get(segments.size() - 1), version);
    }

    public RepoPath repo() {
        return parent.repo();
    }

    public boolean hasVersion() {
        return version != null;
    }

    public SecretPath withVersion(Integer v) {
        return new SecretPath(parent, name, v);
    }

    /** The same secret seen as a directory path, which is how {@code rm} and {@code ls} first try it. */
    public DirPath asDirPath() {
        return parent.child(name);
    }

    /** The text that is blinded: NFC, lower case, without the version. */
    public String blindInput() {
        return Names.normalize(parent + "/" + name);
    }

    @Override
    public String toString() {
        return parent + "/" + name + (version == null ? "" : ":" + version);
    }
}
