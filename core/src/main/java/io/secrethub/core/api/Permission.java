package io.secrethub.core.api;

import java.util.Locale;

/** Access levels on a directory and everything below it. */
public enum Permission {
    NONE(0), READ(1), WRITE(2), ADMIN(3);

    private final int level;

    Permission(int level) {
        this.level = level;
    }

    public int level() {
        return level;
    }

    public boolean allows(Permission needed) {
        return level >= needed.level;
    }

    public static Permission ofLevel(int level) {
        for (Permission p : values()) {
            if (p.level == level) {
                return p;
            }
        }
        throw new IllegalArgumentException("permission level must be 0 to 3, not " + level);
    }

    /** {@code r|read}, {@code w|write}, {@code a|admin}, {@code n|none}, case-insensitive. */
    public static Permission parse(String text) {
        return switch (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) {
            case "r", "read" -> READ;
            case "w", "write" -> WRITE;
            case "a", "admin" -> ADMIN;
            case "n", "none" -> NONE;
            default -> throw new IllegalArgumentException("'" + text + "' is not a permission; use read, write or admin");
        };
    }
}
