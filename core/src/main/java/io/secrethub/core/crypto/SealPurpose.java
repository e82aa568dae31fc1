package io.secrethub.core.crypto;

import java.nio.charset.StandardCharsets;

/** What a sealed box holds. It becomes HPKE's {@code info}: {@code secrethub/v1/<purpose>}. */
public enum SealPurpose {
    ACCOUNT_KEY("account-key"),
    REPO_KEY("repo-key"),
    SECRET_KEY("secret-key"),
    NAME("name");

    private final String label;

    SealPurpose(String label) {
        this.label = label;
    }

    byte[] info() {
        return ("secrethub/" + Suite.V1 + "/" + label).getBytes(StandardCharsets.UTF_8);
    }
}
