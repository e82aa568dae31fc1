package io.secrethub.client;

import java.time.Instant;

/** One entry of a directory listing, with its decrypted name. */
public record DirEntry(String name, String path, boolean directory, int latestVersion, Instant createdAt) {}
