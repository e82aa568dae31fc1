package io.secrethub.client.aws;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * AWS configuration for the AWS identity provider: the Java counterpart of the Go SDK's
 * {@code aws.Config} in {@code credentials.UseAWS(&aws.Config{...})}. Everything is optional: on
 * EC2, ECS, Lambda and EKS the AWS SDK's default chains find credentials and region by themselves.
 *
 * <pre>{@code
 * AwsConfig config = AwsConfig.builder().region("eu-west-1").credentialsChainVerboseErrors(true).build();
 * SecretHubClient client = SecretHubClient.builder().credential(Credentials.useAws(config)).build();
 * }</pre>
 */
public final class AwsConfig {
    private final Region region;
    private final AwsCredentialsProvider credentialsProvider;
    private final URI stsEndpoint;
    private final URI kmsEndpoint;
    private final URI iamEndpoint;
    private final boolean verboseErrors;
    private final java.time.Clock signingClock;
    private AwsCredentialsProvider resolvedProvider;

    private AwsConfig(Builder b) {
        this.signingClock = b.signingClock;
        this.region = b.region;
        this.credentialsProvider = b.credentialsProvider;
        this.stsEndpoint = b.stsEndpoint;
        this.kmsEndpoint = b.kmsEndpoint;
        this.iamEndpoint = b.iamEndpoint;
        this.verboseErrors = b.verboseErrors;
    }

    /** The default configuration: the AWS SDK's default credential and region chains. */
    public static AwsConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The explicit region, or the AWS SDK's default region chain ({@code AWS_REGION}, profile, instance metadata). */
    Optional<Region> region() {
        if (region != null) {
            return Optional.of(region);
        }
        try {
            return Optional.of(DefaultAwsRegionProviderChain.builder().build().getRegion());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** One provider for the whole configuration, so credentials (e.g. from a web identity) are fetched once and cached. */
    synchronized AwsCredentialsProvider credentialsProvider() {
        if (resolvedProvider == null) {
            resolvedProvider = credentialsProvider != null ? credentialsProvider : DefaultCredentialsProvider.builder().build();
        }
        return resolvedProvider;
    }

    /**
     * An explicit STS endpoint, else the AWS SDKs' own settings: the system properties
     * {@code aws.endpointUrlSts} / {@code aws.endpointUrl}, then {@code AWS_ENDPOINT_URL_STS} / {@code AWS_ENDPOINT_URL}.
     */
    Optional<URI> stsEndpoint() {
        return Optional.ofNullable(stsEndpoint).or(() -> endpointFromEnvironment("STS"));
    }

    Optional<URI> kmsEndpoint() {
        return Optional.ofNullable(kmsEndpoint).or(() -> endpointFromEnvironment("KMS"));
    }

    Optional<URI> iamEndpoint() {
        return Optional.ofNullable(iamEndpoint).or(() -> endpointFromEnvironment("IAM"));
    }

    boolean verboseErrors() {
        return verboseErrors;
    }

    java.time.Clock signingClock() {
        return signingClock;
    }

    private static Optional<URI> endpointFromEnvironment(String service) {
        String serviceCamel = service.charAt(0) + service.substring(1).toLowerCase(java.util.Locale.ROOT);
        Map<String, String> env = System.getenv();
        String value = System.getProperty("aws.endpointUrl" + serviceCamel, System.getProperty("aws.endpointUrl",
                env.getOrDefault("AWS_ENDPOINT_URL_" + service, env.get("AWS_ENDPOINT_URL"))));
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(URI.create(value));
    }

    public static final class Builder {
        private Region region;
        private AwsCredentialsProvider credentialsProvider;
        private URI stsEndpoint;
        private URI kmsEndpoint;
        private URI iamEndpoint;
        private boolean verboseErrors;
        private java.time.Clock signingClock = java.time.Clock.systemUTC();

        private Builder() {}

        /** The clock that dates AWS signatures; the system clock unless a test needs another. */
        public Builder signingClock(java.time.Clock clock) {
            this.signingClock = Objects.requireNonNull(clock);
            return this;
        }

        /** The region to log in through (STS) and to create service accounts in. */
        public Builder region(String region) {
            this.region = Region.of(Objects.requireNonNull(region));
            return this;
        }

        /** Credentials instead of the AWS SDK's default chain. */
        public Builder credentialsProvider(AwsCredentialsProvider provider) {
            this.credentialsProvider = Objects.requireNonNull(provider);
            return this;
        }

        /** An STS endpoint to sign for, e.g. a VPC endpoint; the SecretHub server must map the region to the same URL. */
        public Builder stsEndpoint(URI endpoint) {
            this.stsEndpoint = endpoint;
            return this;
        }

        public Builder kmsEndpoint(URI endpoint) {
            this.kmsEndpoint = endpoint;
            return this;
        }

        public Builder iamEndpoint(URI endpoint) {
            this.iamEndpoint = endpoint;
            return this;
        }

        /** Say which credential sources were tried and why each failed, like {@code CredentialsChainVerboseErrors}. */
        public Builder credentialsChainVerboseErrors(boolean verbose) {
            this.verboseErrors = verbose;
            return this;
        }

        public AwsConfig build() {
            return new AwsConfig(this);
        }
    }
}
