package io.secrethub.client.aws;

import java.net.URI;
import java.util.Optional;

import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.sts.StsClient;

/** AWS SDK clients with the JDK's HTTP client, the configured credentials and endpoint overrides. */
final class AwsClients {
    private AwsClients() {}

    private static SdkHttpClient http() {
        return UrlConnectionHttpClient.builder().build();
    }

    static StsClient sts(AwsConfig config, Region region) {
        var builder = StsClient.builder().region(region).credentialsProvider(config.credentialsProvider()).httpClient(http())
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(r -> r.maxAttempts(1)).build());
        config.stsEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    static KmsClient kms(AwsConfig config, Region region) {
        var builder = KmsClient.builder().region(region).credentialsProvider(config.credentialsProvider()).httpClient(http());
        config.kmsEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    static IamClient iam(AwsConfig config, Region region) {
        // IAM is global; its endpoint lives in the partition's "global" region.
        Region iamRegion = region.id().startsWith("cn-") ? Region.AWS_CN_GLOBAL
                : region.id().startsWith("us-gov-") ? Region.AWS_US_GOV_GLOBAL : Region.AWS_GLOBAL;
        var builder = IamClient.builder().region(iamRegion).credentialsProvider(config.credentialsProvider()).httpClient(http());
        config.iamEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** The STS endpoint a login is signed for; the server maps the region to the same URL. */
    static URI stsEndpoint(AwsConfig config, Region region) {
        Optional<URI> override = config.stsEndpoint();
        if (override.isPresent()) {
            return override.get();
        }
        String suffix = region.id().startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
        return URI.create("https://sts." + region.id() + "." + suffix + "/");
    }
}
