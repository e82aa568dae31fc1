package io.secrethub.client.aws;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.secrethub.core.api.AwsApi;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;

/**
 * Signs, but does not send, an {@code sts:GetCallerIdentity} with the AWS SDK's SigV4 signer, with the
 * server's audience header signed in. Only the region and the signed headers leave the process.
 */
final class CallerIdentitySigner {
    private CallerIdentitySigner() {}

    static AwsApi.SignedCallerIdentity sign(AwsCredentialsIdentity credentials, Region region, java.net.URI stsEndpoint, String audience,
                                            java.time.Clock clock) {
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(stsEndpoint)
                .putHeader("Content-Type", AwsApi.GET_CALLER_IDENTITY_CONTENT_TYPE)
                .putHeader(AwsApi.AUDIENCE_HEADER, audience)
                .build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(credentials)
                .request(request)
                .payload(ContentStreamProvider.fromUtf8String(AwsApi.GET_CALLER_IDENTITY_BODY))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region.id())
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock));
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : signed.request().headers().entrySet()) {
            // The server derives Host from its own endpoint table; sending it would only invite trust in it.
            if (!e.getKey().toLowerCase(Locale.ROOT).equals("host")) {
                headers.put(e.getKey(), String.join(",", e.getValue()));
            }
        }
        return new AwsApi.SignedCallerIdentity(region.id(), headers);
    }
}
