package io.secrethub.client.aws;

import java.util.Objects;

/**
 * What {@code secrethub service aws init} asks for: a KMS key (id, alias or ARN), an IAM role (name
 * or ARN), and optionally the region, a description and AWS configuration.
 */
public record AwsServiceAccountRequest(String kmsKey, String role, String region, String description, AwsConfig awsConfig) {
    public AwsServiceAccountRequest {
        Objects.requireNonNull(kmsKey, "kmsKey");
        Objects.requireNonNull(role, "role");
        awsConfig = awsConfig == null ? AwsConfig.defaults() : awsConfig;
    }

    public static AwsServiceAccountRequest of(String kmsKey, String role) {
        return new AwsServiceAccountRequest(kmsKey, role, null, null, null);
    }

    public AwsServiceAccountRequest withRegion(String newRegion) {
        return new AwsServiceAccountRequest(kmsKey, role, newRegion, description, awsConfig);
    }

    public AwsServiceAccountRequest withDescription(String newDescription) {
        return new AwsServiceAccountRequest(kmsKey, role, region, newDescription, awsConfig);
    }

    public AwsServiceAccountRequest withAwsConfig(AwsConfig config) {
        return new AwsServiceAccountRequest(kmsKey, role, region, description, config);
    }
}
