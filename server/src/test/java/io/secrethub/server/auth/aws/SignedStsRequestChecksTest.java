package io.secrethub.server.auth.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.secrethub.core.api.AwsApi;
import io.secrethub.core.api.ErrorCode;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each named check of a signed, unsent {@code sts:GetCallerIdentity}, one test per check. Every
 * refused request differs from {@link #valid()} in one respect only, so the message proves which
 * check said no.
 */
class SignedStsRequestChecksTest {
    static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    static final String AUDIENCE = "https://secrethub.example.com";
    static final String SIGNATURE = "0123456789abcdef".repeat(4);
    static final String DEFAULT_SIGNED = "content-type;host;x-amz-date;x-secrethub-audience";
    static final String BODY_SHA256 = "ab821ae955788b0e33ebd34c208442ccfc2d406e2edc5e7a39bd6458fbb4f843";

    final SignedStsRequestChecks checks = new SignedStsRequestChecks(StsEndpoints.of(Set.of("aws"), Map.of()), () -> AUDIENCE);

    static String authorization(String scope, String signedHeaders) {
        return "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/" + scope + ", SignedHeaders=" + signedHeaders + ", Signature=" + SIGNATURE;
    }

    /** A well-formed login for us-east-1, signed at {@link #NOW}. */
    static Map<String, String> valid() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", authorization("20261203/us-east-1/sts/aws4_request", DEFAULT_SIGNED));
        headers.put("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        headers.put("X-Amz-Date", "20261203T100000Z");
        headers.put("X-SecretHub-Audience", AUDIENCE);
        return headers;
    }

    static Map<String, String> withSigned(Map<String, String> headers, String signedHeaders) {
        headers.put("Authorization", authorization("20261203/us-east-1/sts/aws4_request", signedHeaders));
        return headers;
    }

    static Map<String, String> withScope(Map<String, String> headers, String scope) {
        headers.put("Authorization", authorization(scope, DEFAULT_SIGNED));
        return headers;
    }

    SignedStsRequestChecks.RebuiltRequest check(Map<String, String> headers) {
        return checks.check(new AwsApi.SignedCallerIdentity("us-east-1", headers), NOW);
    }

    static void assertRefused(ThrowingCallable call, ErrorCode code, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AwsLoginRefused.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).contains(message);
        });
    }

    void assertRefused(Map<String, String> headers, String message) {
        assertRefused(() -> check(headers), ErrorCode.AWS_AUTH_FAILED, message);
    }

    // ---- a valid request and how it is rebuilt ----

    @Test
    void validRequestIsRebuiltToTheTablesUrlWithTheFixedBody() {
        var rebuilt = check(valid());

        assertThat(rebuilt.region()).isEqualTo("us-east-1");
        assertThat(rebuilt.endpoint()).isEqualTo(URI.create("https://sts.us-east-1.amazonaws.com/"));
        assertThat(new String(rebuilt.body(), StandardCharsets.US_ASCII)).isEqualTo("Action=GetCallerIdentity&Version=2011-06-15");
        assertThat(rebuilt.headers()).containsOnlyKeys("authorization", "content-type", "x-amz-date", "x-secrethub-audience");
        assertThat(rebuilt.headers()).containsEntry("x-secrethub-audience", AUDIENCE);
    }

    @Test
    void sessionTokenAndTheBodysHashAreAcceptedWhenSigned() {
        var headers = withSigned(valid(), "content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token;x-secrethub-audience");
        headers.put("X-Amz-Security-Token", "FwoGZXIvYXdzEXAMPLETOKEN");
        headers.put("X-Amz-Content-Sha256", BODY_SHA256);

        assertThat(check(headers).headers()).containsEntry("x-amz-security-token", "FwoGZXIvYXdzEXAMPLETOKEN");
    }

    @Test
    void missingRegionOrHeadersIsMalformed() {
        assertRefused(() -> checks.check(new AwsApi.SignedCallerIdentity(null, valid()), NOW), ErrorCode.MALFORMED_JSON, "region");
        assertRefused(() -> checks.check(new AwsApi.SignedCallerIdentity("us-east-1", null), NOW), ErrorCode.MALFORMED_JSON, "signed headers");
    }

    // ---- check: region in endpoint table ----

    @Test
    void regionOfAnotherPartitionIsRefused() {
        var headers = withScope(valid(), "20261203/cn-north-1/sts/aws4_request");
        assertRefused(() -> checks.check(new AwsApi.SignedCallerIdentity("cn-north-1", headers), NOW),
                ErrorCode.INVALID_ARGUMENT, "does not accept AWS logins from region cn-north-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"us-east-1.evil.example", "US-EAST-1", "../us-east-1", "sts.amazonaws.com", "us-east-1\r\n", ""})
    void malformedRegionIsRefused(String region) {
        assertRefused(() -> checks.check(new AwsApi.SignedCallerIdentity(region, valid()), NOW),
                ErrorCode.INVALID_ARGUMENT, "is not an AWS region");
    }

    @Test
    void overrideUrlIsUsedForItsRegion() {
        var endpoints = StsEndpoints.of(Set.of("aws"), Map.of("us-east-1", URI.create("http://127.0.0.1:5000")));
        var overridden = new SignedStsRequestChecks(endpoints, () -> AUDIENCE);

        var rebuilt = overridden.check(new AwsApi.SignedCallerIdentity("us-east-1", valid()), NOW);

        assertThat(rebuilt.endpoint()).isEqualTo(URI.create("http://127.0.0.1:5000/"));
    }

    // ---- check: headers on allow list ----

    /** The header is also listed in SignedHeaders, so only the allow-list can refuse it. */
    @ParameterizedTest
    @ValueSource(strings = {"X-Amz-Target", "X-Amz-Foo", "X-Amz-User-Agent", "Host", "X-Forwarded-For", "Accept",
            "Content-Length", "Transfer-Encoding", "Connection", "X-Unknown"})
    void headerOutsideTheAllowListIsRefused(String name) {
        var headers = withSigned(valid(), DEFAULT_SIGNED + ";" + name.toLowerCase());
        headers.put(name, "x");
        assertRefused(headers, "the header " + name + " is not allowed in an AWS login");
    }

    @ParameterizedTest
    @ValueSource(strings = {"token\r\nX-Amz-Target: AWSKMS.Decrypt", "token\n", "token\r", "tok\u0000en", "tok\ten", "tok\u007fen"})
    void headerValueWithControlCharactersIsRefused(String value) {
        var headers = withSigned(valid(), DEFAULT_SIGNED + ";x-amz-security-token");
        headers.put("X-Amz-Security-Token", value);
        assertRefused(headers, "the header x-amz-security-token has an invalid value");
    }

    @Test
    void duplicateHeaderNamesDifferingOnlyInCaseAreRefused() {
        var headers = valid();
        headers.put("x-amz-date", "20261203T100000Z");
        assertRefused(headers, "the header x-amz-date appears twice");
    }

    // ---- check: audience signed and equal ----

    @Test
    void missingAudienceIsRefused() {
        var headers = valid();
        headers.remove("X-SecretHub-Audience");
        assertRefused(headers, "has no X-SecretHub-Audience header");
    }

    @Test
    void unsignedAudienceIsRefused() {
        assertRefused(withSigned(valid(), "content-type;host;x-amz-date"), "the X-SecretHub-Audience header is not signed");
    }

    @Test
    void audienceOfAnotherServerIsRefused() {
        var headers = valid();
        headers.put("X-SecretHub-Audience", "https://other.example.com");
        assertRefused(headers, "signed for the audience 'https://other.example.com'");
    }

    // ---- check: required headers signed ----

    @Test
    void unsignedHostIsRefused() {
        assertRefused(withSigned(valid(), "content-type;x-amz-date;x-secrethub-audience"), "the header host must be signed");
    }

    @Test
    void unsignedAmzDateIsRefused() {
        assertRefused(withSigned(valid(), "content-type;host;x-secrethub-audience"), "the header x-amz-date must be signed");
    }

    @Test
    void headerSentButNotSignedIsRefused() {
        var headers = valid();
        headers.put("X-Amz-Security-Token", "FwoGZXIvYXdzEXAMPLETOKEN");
        assertRefused(headers, "the header x-amz-security-token is sent but not signed");
    }

    @Test
    void missingAmzDateIsRefused() {
        var headers = valid();
        headers.remove("X-Amz-Date");
        assertRefused(headers, "has no X-Amz-Date header");
    }

    // ---- check: credential scope is sts in region ----

    @Test
    void scopeOfAnotherServiceIsRefused() {
        assertRefused(withScope(valid(), "20261203/us-east-1/kms/aws4_request"), "signed for the service 'kms'");
    }

    @Test
    void scopeOfAnotherRegionIsRefused() {
        assertRefused(withScope(valid(), "20261203/eu-west-1/sts/aws4_request"), "signed for region eu-west-1 but claims region us-east-1");
    }

    @Test
    void scopeWithAnotherTerminatorIsRefused() {
        assertRefused(withScope(valid(), "20261203/us-east-1/sts/aws4_reques"), "must be signed for sts");
    }

    @Test
    void scopeDateNotMatchingAmzDateIsRefused() {
        assertRefused(withScope(valid(), "20261202/us-east-1/sts/aws4_request"), "the credential scope's date does not match X-Amz-Date");
    }

    // ---- check: amz date is fresh ----

    Map<String, String> signedAt(String amzDate) {
        var headers = valid();
        headers.put("X-Amz-Date", amzDate);
        return headers;
    }

    @Test
    void staleByFifteenMinutesAndOneSecondIsRefused() {
        assertRefused(() -> check(signedAt("20261203T094459Z")), ErrorCode.SIGNATURE_EXPIRED, "more than 15 minutes apart");
    }

    @Test
    void futureByFifteenMinutesAndOneSecondIsRefused() {
        assertRefused(() -> check(signedAt("20261203T101501Z")), ErrorCode.SIGNATURE_EXPIRED, "more than 15 minutes apart");
    }

    @ParameterizedTest
    @ValueSource(strings = {"20261203T094500Z", "20261203T101500Z"})
    void exactlyFifteenMinutesApartIsAccepted(String amzDate) {
        assertThat(check(signedAt(amzDate)).headers()).containsEntry("x-amz-date", amzDate);
    }

    @ParameterizedTest
    @ValueSource(strings = {"20261203T100000", "20261203T1000Z", "20261203T100000+0000", "20261203 100000Z", "20261203T256000Z"})
    void malformedAmzDateIsRefused(String amzDate) {
        assertRefused(signedAt(amzDate), "X-Amz-Date is not of the form yyyyMMddTHHmmssZ");
    }

    // ---- check: body is get caller identity ----

    @Test
    void anotherContentTypeIsRefused() {
        var headers = valid();
        headers.put("Content-Type", "application/x-amz-json-1.1");
        assertRefused(headers, "must be a form-encoded GetCallerIdentity");
    }

    @Test
    void hashOfAnotherBodyIsRefused() {
        var headers = withSigned(valid(), DEFAULT_SIGNED + ";x-amz-content-sha256");
        headers.put("X-Amz-Content-Sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"); // the empty body
        assertRefused(headers, "signed over another body than GetCallerIdentity");
    }

    // ---- check: the Authorization header is SigV4 ----

    Map<String, String> withAuthorization(String value) {
        var headers = valid();
        headers.put("Authorization", value);
        return headers;
    }

    @Test
    void missingAuthorizationIsRefused() {
        var headers = valid();
        headers.remove("Authorization");
        assertRefused(headers, "has no Authorization header");
    }

    static Stream<Arguments> malformedAuthorizations() {
        String scope = "Credential=AKIAIOSFODNN7EXAMPLE/20261203/us-east-1/sts/aws4_request";
        String signed = "SignedHeaders=" + DEFAULT_SIGNED;
        return Stream.of(
                named("wrong algorithm", "AWS4-HMAC-SHA512 " + scope + ", " + signed + ", Signature=" + SIGNATURE),
                named("no Signature", "AWS4-HMAC-SHA256 " + scope + ", " + signed),
                named("upper-case signature hex", "AWS4-HMAC-SHA256 " + scope + ", " + signed + ", Signature=" + SIGNATURE.toUpperCase()),
                named("short signature", "AWS4-HMAC-SHA256 " + scope + ", " + signed + ", Signature=" + SIGNATURE.substring(1)),
                named("punctuation in the access key", "AWS4-HMAC-SHA256 " + scope.replace("AKIAIOSFODNN7EXAMPLE", "AKIA+IOSFODNN7EXAMPLE")
                        + ", " + signed + ", Signature=" + SIGNATURE),
                named("trailing field", "AWS4-HMAC-SHA256 " + scope + ", " + signed + ", Signature=" + SIGNATURE + ", Extra=1"),
                named("no SignedHeaders", "AWS4-HMAC-SHA256 " + scope + ", Signature=" + SIGNATURE));
    }

    static Arguments named(String name, String authorization) {
        return Arguments.of(Named.of(name, authorization));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedAuthorizations")
    void malformedAuthorizationIsRefused(String value) {
        assertRefused(withAuthorization(value), "is not a SigV4 (AWS4-HMAC-SHA256) signature");
    }

    @Test
    void aLoginIsNotACreationProofAndACreationProofIsNotALogin() {
        String creation = AwsApi.creationAudience(AUDIENCE, "s-abcdefghijkl", "arn:aws:iam::123456789012:role/app-role");
        Map<String, String> login = valid();
        assertRefused(() -> checks.check(new AwsApi.SignedCallerIdentity("us-east-1", login), NOW, creation),
                ErrorCode.AWS_AUTH_FAILED, "create-service=s-abcdefghijkl");
        Map<String, String> proof = valid();
        proof.put("X-SecretHub-Audience", creation);
        assertRefused(() -> checks.check(new AwsApi.SignedCallerIdentity("us-east-1", proof), NOW),
                ErrorCode.AWS_AUTH_FAILED, "signed for the audience");
        assertThat(checks.check(new AwsApi.SignedCallerIdentity("us-east-1", proof), NOW, creation).endpoint()).isNotNull();
    }
}
