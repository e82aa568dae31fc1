package io.secrethub.server.auth.aws;

import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The server's own table of STS endpoints, by region, for the partitions it is configured for. The
 * client only names a region; it never chooses the host the server talks to.
 */
public final class StsEndpoints {
    static final Map<String, List<String>> REGIONS_BY_PARTITION = Map.of(
            "aws", List.of("us-east-1", "us-east-2", "us-west-1", "us-west-2", "af-south-1", "ap-east-1", "ap-east-2",
                    "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4",
                    "ap-southeast-5", "ap-southeast-7", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
                    "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2", "eu-west-1", "eu-west-2", "eu-west-3",
                    "eu-south-1", "eu-south-2", "eu-north-1", "il-central-1", "me-south-1", "me-central-1",
                    "mx-central-1", "sa-east-1"),
            "aws-cn", List.of("cn-north-1", "cn-northwest-1"),
            "aws-us-gov", List.of("us-gov-east-1", "us-gov-west-1"));

    private final Map<String, URI> byRegion;

    private StsEndpoints(Map<String, URI> byRegion) {
        this.byRegion = Collections.unmodifiableMap(byRegion);
    }

    /**
     * @param partitions the AWS partitions whose regional STS endpoints are accepted, e.g. {@code aws}
     * @param overrides  region → URL, for private (VPC) endpoints and tests; a region not in the table is added
     */
    public static StsEndpoints of(Set<String> partitions, Map<String, URI> overrides) {
        Map<String, URI> table = new TreeMap<>();
        for (String partition : partitions) {
            List<String> regions = REGIONS_BY_PARTITION.get(partition);
            if (regions == null) {
                throw new IllegalArgumentException("unknown AWS partition '" + partition + "'; use aws, aws-cn or aws-us-gov");
            }
            String suffix = partition.equals("aws-cn") ? "amazonaws.com.cn" : "amazonaws.com";
            for (String region : regions) {
                table.put(region, URI.create("https://sts." + region + "." + suffix + "/"));
            }
        }
        overrides.forEach((region, url) -> {
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (url.isOpaque() || url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
                throw new IllegalArgumentException("the STS endpoint for " + region + " must be an absolute http(s) URL such as "
                        + "https://sts." + region + ".amazonaws.com, not '" + url + "'");
            }
            table.put(region.toLowerCase(Locale.ROOT), url.getPath() == null || url.getPath().isEmpty() ? url.resolve("/") : url);
        });
        return new StsEndpoints(table);
    }

    public Optional<URI> endpoint(String region) {
        return Optional.ofNullable(byRegion.get(region));
    }

    public Set<String> regions() {
        return byRegion.keySet();
    }
}
