package io.secrethub.server.access;

/** What an account may do on a node. The order matters: each level includes the ones before it. */
public enum Permission {
    NONE, READ, WRITE, ADMIN;

    /** The level as stored in access rules: 0 to 3. */
    public int level() {
        return ordinal();
    }

    public static Permission ofLevel(int level) {
        if (level < 0 || level >= values().length) {
            throw new IllegalArgumentException("a permission level is 0 to 3");
        }
        return values()[level];
    }

    public boolean allows(Permission needed) {
        return compareTo(needed) >= 0;
    }
}
