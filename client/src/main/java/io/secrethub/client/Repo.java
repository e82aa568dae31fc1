package io.secrethub.client;

import java.time.Instant;

/** A repository: {@code namespace/name}. */
public record Repo(String namespace, String name, Instant createdAt, int secretCount) {
    public String path() {
        return namespace + "/" + name;
    }
}
