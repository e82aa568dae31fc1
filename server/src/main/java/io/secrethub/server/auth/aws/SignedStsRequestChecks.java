package io.secrethub.server.auth.aws;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.secrethub.core.api.AwsApi;
import io.secrethub.core.api.ErrorCode;
import io.secrethub.core.crypto.Fingerprints;
import io.secrethub.core.crypto.Hex;

/**
 * Every check of a signed {@code sts:GetCallerIdentity} before the server sends it, each named and
 * tested, after Vault's AWS auth backend and the lessons of CVE-2020-16250. The server rebuilds the
 * request: the URL comes from its own endpoint table and the body is fixed; the client contributes
 * only the region and the signed headers, and those are allow-listed.
 */
public final class SignedStsRequestChecks {
    /** STS accepts a SigV4 signature for 15 minutes; moto does not check, so the server does. */
    static final Duration MAX_DATE_SKEW = Duration.ofMinutes(15);
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]{1,2}");
    private static final Set<String> ALLOWED_AMZ_HEADERS = Set.of("x-amz-date", "x-amz-security-token", "x-amz-content-sha256");
    private static final Set<String> ALLOWED_OTHER_HEADERS = Set.of("authorization", "content-type", "x-secrethub-audience");
    private static final Set<String> REQUIRED_SIGNED = Set.of("host", "x-amz-date", "x-secrethub-audience");

    /** What the server sends to STS: its own URL, the fixed body, and the client's allow-listed headers. */
    public record RebuiltRequest(String region, URI endpoint, Map<String, String> headers, byte[] body) {}

    private final StsEndpoints endpoints;
    private final java.util.function.Supplier<String> audience;

    public SignedStsRequestChecks(StsEndpoints endpoints, java.util.function.Supplier<String> audience) {
        this.endpoints = endpoints;
        this.audience = audience;
    }

    public String audience() {
        return audience.get();
    }

    public RebuiltRequest check(AwsApi.SignedCallerIdentity signed, Instant now) {
        return check(signed, now, audience.get());
    }

    /** As {@link #check(AwsApi.SignedCallerIdentity, Instant)}, for a request that must be signed for {@code expectedAudience}. */
    public RebuiltRequest check(AwsApi.SignedCallerIdentity signed, Instant now, String expectedAudience) {
        if (signed == null || signed.region() == null || signed.headers() == null) {
            throw new AwsLoginRefused(ErrorCode.MALFORMED_JSON, "the login must carry a region and the signed headers");
        }
        URI endpoint = regionInEndpointTable(signed.region());
        Map<String, String> headers = headersOnAllowList(signed.headers());
        SigV4Authorization authorization = SigV4Authorization.parse(headers.get("authorization"));
        audienceSignedAndEqual(headers, authorization, expectedAudience);
        requiredHeadersSigned(headers, authorization);
        credentialScopeIsStsInRegion(authorization, signed.region(), headers.get("x-amz-date"));
        amzDateIsFresh(headers.get("x-amz-date"), now);
        bodyIsGetCallerIdentity(headers);
        return new RebuiltRequest(signed.region(), endpoint, headers, AwsApi.GET_CALLER_IDENTITY_BODY.getBytes(StandardCharsets.US_ASCII));
    }

    URI regionInEndpointTable(String region) {
        if (!REGION.matcher(region).matches() && endpoints.endpoint(region).isEmpty()) {
            throw new AwsLoginRefused(ErrorCode.INVALID_ARGUMENT, "'" + printable(region) + "' is not an AWS region");
        }
        return endpoints.endpoint(region).orElseThrow(() -> new AwsLoginRefused(ErrorCode.INVALID_ARGUMENT,
                "this server does not accept AWS logins from region " + region + "; it accepts " + String.join(", ", endpoints.regions())));
    }

    /** Only the headers a GetCallerIdentity needs; in particular no unknown X-Amz-* header (Vault's allow-list). */
    static Map<String, String> headersOnAllowList(Map<String, String> given) {
        Map<String, String> headers = new TreeMap<>();
        for (Map.Entry<String, String> e : given.entrySet()) {
            if (e.getKey() == null || e.getKey().isEmpty()) {
                throw new AwsLoginRefused(ErrorCode.AWS_AUTH_FAILED, "the signed request has a header without a name");
            }
            String name = e.getKey().toLowerCase(Locale.ROOT);
            String value = e.getValue();
            if (value == null || value.length() > 8192 || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new AwsLoginRefused(ErrorCode.AWS_AUTH_FAILED, "the header " + printable(name) + " has an invalid value");
            }
            if (name.startsWith("x-amz-")) {
                if (!ALLOWED_AMZ_HEADERS.contains(name)) {
                    throw new AwsLoginRefused(ErrorCode.AWS_AUTH_FAILED, "the header " + printable(e.getKey())
                            + " is not allowed in an AWS login; only X-Amz-Date, X-Amz-Security-Token and X-Amz-Content-Sha256 are");
                }
            } else if (!ALLOWED_OTHER_HEADERS.contains(name)) {
                throw new AwsLoginRefused(ErrorCode.AWS_AUTH_FAILED, "the header " + printable(e.getKey()) + " is not allowed in an AWS login");
            }
            if (headers.put(name, value) != null) {
                throw new AwsLoginRefused(ErrorCode.AWS_AUTH_FAILED, "the header " + name + " appears twice");
            }
        }
        return headers;
    }

    static void audienceSignedAndEqual(Map<String, String> headers, SigV4Authorization authorization, String expected) {
        String given = headers.get("x-secrethub-audience");
        if (given == null) {
            throw new AwsLoginRefused(ErrorCode.AWS_AUTH_FAILED, "the signed request has no " + AwsApi.AUDIENCE_HEADER
                    + " header; this client is too old or was not built for this server");
        }
        if (!authorization.signedHeaders().contains("x-secrethub-audience")) {
            throw new AwsLoginRefused(ErrorCode.AWS_AUTH_FAILED, "the " + AwsApi.AUDIENCE_HEADER + " header is not signed");
        }
        if (!java.security.MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
            throw new AwsLoginRefused(ErrorCode.AWS_AUTH_FAILED, "the login was signed for the audience '" + printable(given)
                    + "', but this server is '" + expected + "'. Point SECRETHUB_API_REMOTE at this server's public URL"
                    + " (or, if that is right, start the server with --public-url set to it).");
        }
    }

    static void requiredHeadersSigned(Map<String, String> headers, SigV4Authorization authorization) {
        for (String required : REQUIRED_SIGNED) {
            if (!authorization.signedHeaders().contains(required)) {
                throw new AwsLoginRefused(ErrorCode.AWS_AUTH_FAILED, "the header " + required + " must be signed");
            }
        }
        for (String name : headers.keySet()) {
            if (!name.equals("authorization") && !authorization.signedHeaders().contains(name)) {
                throw new AwsLoginRefused(ErrorCode.AWS_AUTH_FAILED, "the header " + name + " is sent but not signed");
            }
        }
        if (!headers.containsKey("x-amz-date")) {
            throw new AwsLoginRefused(ErrorCode.AWS_AUTH_FAILED, "the signed request has no X-Amz-Date header");
        }
    }

    static void credentialScopeIsStsInRegion(SigV4Authorization authorization, String region, String amzDate) {
        if (!authorization.scopeService().equals("sts") || !authorization.scopeTerminator().equals("aws4_request")) {
            throw new AwsLoginRefused(ErrorCode.AWS_AUTH_FAILED, "the request is signed for the service '" + authorization.scopeService()
                    + "'; an AWS login must be signed for sts");
        }
        if (!authorization.scopeRegion().equals(region)) {
            throw new AwsLoginRefused(ErrorCode.AWS_AUTH_FAILED, "the request is signed for region " + authorization.scopeRegion()
                    + " but claims region " + printable(region));
        }
        if (amzDate == null || !amzDate.startsWith(authorization.scopeDate())) {
            throw new AwsLoginRefused(ErrorCode.AWS_AUTH_FAILED, "the credential scope's date does not match X-Amz-Date");
        }
    }

    static void amzDateIsFresh(String amzDate, Instant now) {
        Instant signedAt;
        try {
            signedAt = LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new AwsLoginRefused(ErrorCode.AWS_AUTH_FAILED, "X-Amz-Date is not of the form yyyyMMddTHHmmssZ");
        }
        Duration skew = Duration.between(signedAt, now).abs();
        if (skew.compareTo(MAX_DATE_SKEW) > 0) {
            throw new AwsLoginRefused(ErrorCode.SIGNATURE_EXPIRED, "the AWS login was signed at " + signedAt + ", but the server's clock says "
                    + now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ": more than 15 minutes apart. "
                    + "Check the clock of this machine (clock skew), or the login was replayed.");
        }
    }

    static void bodyIsGetCallerIdentity(Map<String, String> headers) {
        String contentType = headers.get("content-type");
        if (contentType != null && !contentType.equalsIgnoreCase(AwsApi.GET_CALLER_IDENTITY_CONTENT_TYPE)
                && !contentType.equalsIgnoreCase("application/x-www-form-urlencoded")) {
            throw new AwsLoginRefused(ErrorCode.AWS_AUTH_FAILED, "the signed request must be a form-encoded GetCallerIdentity");
        }
        String sha = headers.get("x-amz-content-sha256");
        String expected = Hex.encode(Fingerprints.sha256(AwsApi.GET_CALLER_IDENTITY_BODY.getBytes(StandardCharsets.US_ASCII)));
        if (sha != null && !sha.equals(expected)) {
            throw new AwsLoginRefused(ErrorCode.AWS_AUTH_FAILED, "the signed request was signed over another body than GetCallerIdentity");
        }
    }

    private static String printable(String s) {
        String cut = s.length() > 64 ? s.substring(0, 64) + "…" : s;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
