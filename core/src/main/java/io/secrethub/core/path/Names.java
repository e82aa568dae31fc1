package io.secrethub.core.path;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * SecretHub's naming rules. Names keep their case but are compared case-insensitively,
 * because blind names hash the lower-cased path.
 */
public final class Names {
    private static final Pattern NAME_CHARS = Pattern.compile("[_\\-.a-zA-Z0-9]+");
    private static final Pattern HAS_ALNUM = Pattern.compile(".*[a-zA-Z0-9].*");
    private static final Pattern ALL_DOTS = Pattern.compile("\\.+");
    private static final Pattern VERSION = Pattern.compile("[0-9]{1,9}");

    private Names() {}

    public static String requireUsername(String name) {
        requireChars("username", name, 3, 32);
        if (!HAS_ALNUM.matcher(name).matches()) {
            throw new InvalidPathException("username '" + name + "' must contain at least one letter or digit");
        }
        if (name.toLowerCase(Locale.ROOT).startsWith("s-")) {
            throw new InvalidPathException("username '" + name + "' must not start with 's-' (reserved for service accounts)");
        }
        return name;
    }

    public static String requireNamespace(String name) {
        try {
            return requireUsername(name);
        } catch (InvalidPathException e) {
            throw new InvalidPathException(e.getMessage().replaceFirst("^username", "namespace"));
        }
    }

    public static String requireRepoName(String name) {
        return requireChars("repo name", name, 1, 32);
    }

    public static String requireDirName(String name) {
        requireChars("directory name", name, 1, 32);
        requireNotAllDots("directory name", name);
        return name;
    }

    public static String requireSecretName(String name) {
        requireChars("secret name", name, 1, 32);
        requireNotAllDots("secret name", name);
        return name;
    }

    /** A version is 1 to 999999999; {@code latest} is handled by the caller. */
    public static int parseVersion(String text) {
        if (!VERSION.matcher(text).matches() || Integer.parseInt(text) < 1) {
            throw new InvalidPathException("version '" + text + "' must be a number from 1 to 999999999 or 'latest'");
        }
        return Integer.parseInt(text);
    }

    /** The form names are compared and blinded in: Unicode NFC, then lower case. */
    public static String normalize(String path) {
        return Normalizer.normalize(path, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    private static String requireChars(String what, String name, int min, int max) {
        if (name == null || name.isEmpty()) {
            throw new InvalidPathException(what + " must not be empty");
        }
        if (name.length() < min || name.length() > max) {
            throw new InvalidPathException(what + " '" + printable(name) + "' must be " + min + " to " + max + " characters long");
        }
        if (!NAME_CHARS.matcher(name).matches()) {
            throw new InvalidPathException(what + " '" + printable(name)
                    + "' may only contain letters, digits, '_', '-' and '.'");
        }
        return name;
    }

    private static void requireNotAllDots(String what, String name) {
        if (ALL_DOTS.matcher(name).matches()) {
            throw new InvalidPathException(what + " '" + name + "' must not consist of dots only");
        }
    }

    /** Keeps control characters out of messages that end up in terminals and logs. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(64).forEach(cp -> {
            if (Character.isISOControl(cp)) {
                b.append(String.format("\\u%04x", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return s.length() > 64 ? b + "…" : b.toString();
    }
}
