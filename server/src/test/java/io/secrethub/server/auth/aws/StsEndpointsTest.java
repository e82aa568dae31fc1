package io.secrethub.server.auth.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The server's own STS endpoint table: the client names a region, never a host. */
class StsEndpointsTest {
    static final Set<String> ALL_PARTITIONS = Set.of("aws", "aws-cn", "aws-us-gov");

    @Test
    void awsRegionsMapToTheirRegionalEndpoint() {
        StsEndpoints endpoints = StsEndpoints.of(Set.of("aws"), Map.of());

        assertThat(endpoints.regions()).containsExactlyInAnyOrderElementsOf(StsEndpoints.REGIONS_BY_PARTITION.get("aws"));
        for (String region : StsEndpoints.REGIONS_BY_PARTITION.get("aws")) {
            assertThat(endpoints.endpoint(region)).contains(URI.create("https://sts." + region + ".amazonaws.com/"));
        }
        assertThat(endpoints.endpoint("eu-west-1")).contains(URI.create("https://sts.eu-west-1.amazonaws.com/"));
    }

    @Test
    void onlyAwsHasNoChinaOrGovCloudRegions() {
        StsEndpoints endpoints = StsEndpoints.of(Set.of("aws"), Map.of());

        assertThat(endpoints.endpoint("cn-north-1")).isEmpty();
        assertThat(endpoints.endpoint("cn-northwest-1")).isEmpty();
        assertThat(endpoints.endpoint("us-gov-west-1")).isEmpty();
    }

    @Test
    void chinaUsesTheAmazonawsComCnSuffixWhenEnabled() {
        StsEndpoints endpoints = StsEndpoints.of(Set.of("aws", "aws-cn"), Map.of());

        assertThat(endpoints.endpoint("cn-north-1")).contains(URI.create("https://sts.cn-north-1.amazonaws.com.cn/"));
        assertThat(endpoints.endpoint("cn-northwest-1")).contains(URI.create("https://sts.cn-northwest-1.amazonaws.com.cn/"));
        assertThat(endpoints.endpoint("us-east-1")).contains(URI.create("https://sts.us-east-1.amazonaws.com/"));
        assertThat(endpoints.endpoint("us-gov-west-1")).isEmpty();
    }

    @Test
    void govCloudUsesTheAmazonawsComSuffix() {
        StsEndpoints endpoints = StsEndpoints.of(Set.of("aws-us-gov"), Map.of());

        assertThat(endpoints.endpoint("us-gov-west-1")).contains(URI.create("https://sts.us-gov-west-1.amazonaws.com/"));
        assertThat(endpoints.endpoint("us-east-1")).isEmpty();
    }

    @Test
    void everyDefaultEndpointIsAnHttpsStsHostAndNothingElse() {
        StsEndpoints endpoints = StsEndpoints.of(ALL_PARTITIONS, Map.of());

        for (String region : endpoints.regions()) {
            URI url = endpoints.endpoint(region).orElseThrow();
            assertThat(url.getScheme()).isEqualTo("https");
            assertThat(url.getHost()).matches("sts\\." + region + "\\.amazonaws\\.com(\\.cn)?");
            assertThat(url.getPort()).isEqualTo(-1);
            assertThat(url.getRawUserInfo()).isNull();
            assertThat(url.getRawPath()).isEqualTo("/");
            assertThat(url.getRawQuery()).isNull();
            assertThat(url.getRawFragment()).isNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sts.us-west-2.amazonaws.com.attacker.com", "sts.amazonaws.evil.com", "notsts.us-west-2.amazonaws.com",
            "sts.extra.us-west-2.amazonaws.com"})
    void lookAlikeHostsNeverAppear(String lookAlike) {
        StsEndpoints endpoints = StsEndpoints.of(ALL_PARTITIONS, Map.of());

        assertThat(endpoints.regions()).noneMatch(region -> endpoints.endpoint(region).orElseThrow().getHost().equals(lookAlike));
        assertThat(endpoints.endpoint(lookAlike)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"us-west-2.attacker.com", "us-west-2/", "US-WEST-2", "global", ""})
    void regionNamesThatAreNotInTheTableFindNothing(String region) {
        assertThat(StsEndpoints.of(ALL_PARTITIONS, Map.of()).endpoint(region)).isEmpty();
    }

    @Test
    void overrideReplacesARegion() {
        StsEndpoints endpoints = StsEndpoints.of(Set.of("aws"), Map.of("us-east-1", URI.create("http://127.0.0.1:5000")));

        assertThat(endpoints.endpoint("us-east-1")).contains(URI.create("http://127.0.0.1:5000/"));
        assertThat(endpoints.endpoint("us-east-2")).contains(URI.create("https://sts.us-east-2.amazonaws.com/"));
    }

    @Test
    void overrideKeepsItsPath() {
        URI vpce = URI.create("https://vpce-0abc.sts.eu-west-1.vpce.amazonaws.com/sts/");
        StsEndpoints endpoints = StsEndpoints.of(Set.of("aws"), Map.of("eu-west-1", vpce));

        assertThat(endpoints.endpoint("eu-west-1")).contains(vpce);
    }

    @Test
    void overrideAddsARegionOutsideThePartitions() {
        StsEndpoints endpoints = StsEndpoints.of(Set.of("aws"), Map.of("CN-NORTH-1", URI.create("https://sts.cn-north-1.internal.example/")));

        assertThat(endpoints.endpoint("cn-north-1")).contains(URI.create("https://sts.cn-north-1.internal.example/"));
        assertThat(endpoints.endpoint("cn-northwest-1")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws-iso", "AWS", "", "aws-cn "})
    void unknownPartitionIsRefused(String partition) {
        assertThatThrownBy(() -> StsEndpoints.of(Set.of(partition), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown AWS partition");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://sts.us-east-1.amazonaws.com/", "file:///etc/passwd", "jar:file:/x.jar!/", "localhost:5000"})
    void nonHttpOverrideIsRefused(String url) {
        assertThatThrownBy(() -> StsEndpoints.of(Set.of("aws"), Map.of("us-east-1", URI.create(url))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be an absolute http(s) URL");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"localhost", "/sts", "http:foo", "ftp://sts.example.com"})
    void overridesMustBeAbsoluteHttpUrls(String url) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StsEndpoints.of(java.util.Set.of("aws"),
                java.util.Map.of("us-east-1", java.net.URI.create(url)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("absolute http(s) URL");
    }

    @org.junit.jupiter.api.Test
    void overrideSchemeIsCaseInsensitive() {
        org.assertj.core.api.Assertions.assertThat(StsEndpoints.of(java.util.Set.of("aws"),
                java.util.Map.of("us-east-1", java.net.URI.create("HTTPS://vpce.example.com"))).endpoint("us-east-1")).isPresent();
    }
}
