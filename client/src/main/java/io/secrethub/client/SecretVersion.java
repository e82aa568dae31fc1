package io.secrethub.client;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** A decrypted secret version. {@link #toString()} never shows the value. */
public final class SecretVersion {
    private final String path;
    private final int version;
    private final byte[] value;
    private final Instant createdAt;

    SecretVersion(String path, int version, byte[] value, Instant createdAt) {
        this.path = path;
        this.version = version;
        this.value = value;
        this.createdAt = createdAt;
    }

    /** The secret's path without a version, e.g. {@code alice/app/db/password}. */
    public String path() {
        return path;
    }

    public int version() {
        return version;
    }

    /** A copy of the value. */
    public byte[] bytes() {
        return value.clone();
    }

    /** The value as UTF-8 text. */
    public String string() {
        return new String(value, StandardCharsets.UTF_8);
    }

    public Instant createdAt() {
        return createdAt;
    }

    @Override
    public String toString() {
        return "SecretVersion[" + path + ":" + version + ", value redacted]";
    }
}
