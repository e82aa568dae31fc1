package io.secrethub.server.auth.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import io.secrethub.core.api.ErrorCode;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The answer of STS is parsed strictly: only the real document, never a forged one hidden in another (CVE-2020-16250). */
class CallerIdentityTest {
    static final String NS = "https://sts.amazonaws.com/doc/2011-06-15/";
    static final String ARN = "arn:aws:sts::123456789012:assumed-role/app-role/i-0abc";
    static final String RESULT = "<GetCallerIdentityResult><Arn>" + ARN + "</Arn><UserId>AROAEXAMPLE:i-0abc</UserId>"
            + "<Account>123456789012</Account></GetCallerIdentityResult>";
    static final String REAL = "<GetCallerIdentityResponse xmlns=\"" + NS + "\">" + RESULT
            + "<ResponseMetadata><RequestId>x</RequestId></ResponseMetadata></GetCallerIdentityResponse>";

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String response(String result) {
        return "<GetCallerIdentityResponse xmlns=\"" + NS + "\">" + result + "</GetCallerIdentityResponse>";
    }

    static void assertRefused(String xml, String message) {
        assertThatThrownBy(() -> CallerIdentity.parse(bytes(xml))).isInstanceOfSatisfying(AwsLoginRefused.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.AWS_STS_UNAVAILABLE);
            assertThat(e.getMessage()).contains(message);
        });
    }

    @Test
    void realStsResponseParses() {
        assertThat(CallerIdentity.parse(bytes(REAL)))
                .isEqualTo(new CallerIdentity(ARN, "AROAEXAMPLE:i-0abc", "123456789012"));
    }

    @Test
    void prettyPrintedResponseWithXmlDeclarationParses() {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + REAL.replace("><", ">\n  <");
        assertThat(CallerIdentity.parse(bytes(xml)).arn()).isEqualTo(ARN);
    }

    static Stream<Arguments> doctypes() {
        return Stream.of(
                named("XXE", "<!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>"
                        + response(RESULT.replace(ARN, "&xxe;"))),
                named("billion laughs", "<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                        + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
                        + "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">]>"
                        + response(RESULT.replace(ARN, "&f;"))),
                // Harmless on its own: only the ban on DOCTYPE refuses it.
                named("internal entity", "<!DOCTYPE r [<!ENTITY acct \"123456789012\">]>"
                        + response(RESULT.replace("<Account>123456789012", "<Account>&acct;"))),
                named("bare DOCTYPE", "<!DOCTYPE GetCallerIdentityResponse>" + REAL));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("doctypes")
    void doctypeIsRefused(String xml) {
        assertRefused(xml, "not well-formed XML");
    }

    static Stream<Arguments> unexpectedRoots() {
        String result = RESULT.replace("<GetCallerIdentityResult>", "<GetCallerIdentityResult xmlns=\"" + NS + "\">");
        return Stream.of(
                named("wrong root element", "<GetSessionTokenResponse xmlns=\"" + NS + "\">" + RESULT + "</GetSessionTokenResponse>"),
                named("no namespace", "<GetCallerIdentityResponse>" + result + "</GetCallerIdentityResponse>"),
                named("another namespace", "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com.evil.example/\">" + result
                        + "</GetCallerIdentityResponse>"),
                named("namespace of another STS version", "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-16/\">"
                        + result + "</GetCallerIdentityResponse>"),
                // The CVE-2020-16250 shape: a forged response reflected inside another document.
                named("forged response inside an ErrorResponse", "<ErrorResponse xmlns=\"" + NS + "\"><Error><Code>Bad</Code><Message>"
                        + REAL + "</Message></Error></ErrorResponse>"),
                named("forged response inside another service's answer", "<ListUsersResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
                        + "<ListUsersResult><Users><member><UserName>" + REAL + "</UserName></member></Users></ListUsersResult>"
                        + "</ListUsersResponse>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unexpectedRoots")
    void documentOtherThanGetCallerIdentityResponseIsRefused(String xml) {
        assertRefused(xml, "unexpected document");
    }

    @Test
    void twoArnElementsAreRefused() {
        assertRefused(response(RESULT.replace("<UserId>", "<Arn>arn:aws:sts::999999999999:assumed-role/admin/x</Arn><UserId>")),
                "2 <Arn> elements");
    }

    @Test
    void twoResultsAreRefused() {
        assertRefused(response(RESULT + RESULT), "2 <GetCallerIdentityResult> elements");
    }

    @Test
    void missingAccountIsRefused() {
        assertRefused(response(RESULT.replace("<Account>123456789012</Account>", "")), "0 <Account> elements");
    }

    @Test
    void fieldInAnotherNamespaceDoesNotCount() {
        assertRefused(response(RESULT.replace("<Arn>", "<Arn xmlns=\"urn:forged\">")), "0 <Arn> elements");
    }

    @Test
    void fieldHiddenOneLevelDeeperDoesNotCount() {
        assertRefused(response(RESULT.replace("<Arn>" + ARN + "</Arn>", "<Wrapper><Arn>" + ARN + "</Arn></Wrapper>")), "0 <Arn> elements");
    }

    @Test
    void nestedElementInsideArnIsRefused() {
        assertRefused(response(RESULT.replace("<Arn>" + ARN, "<Arn><Arn>" + ARN + "</Arn>")), "nested markup in <Arn>");
    }

    @Test
    void emptyArnIsRefused() {
        assertRefused(response(RESULT.replace(ARN, " ")), "empty or oversized <Arn>");
    }

    static Stream<Arguments> notXml() {
        return Stream.of(
                named("JSON", "{\"GetCallerIdentityResponse\":{\"GetCallerIdentityResult\":{\"Arn\":\"" + ARN + "\"}}}"),
                named("HTML", "<html><body>Moved</body>"),
                named("empty", ""),
                named("trailing second document", REAL + REAL),
                named("binary", "\u0000\u0001\u0002\u00ff"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notXml")
    void nonXmlIsRefused(String body) {
        assertRefused(body, "not well-formed XML");
    }

    static Stream<Arguments> malformedAccounts() {
        return Stream.of(named("11 digits", "12345678901"), named("13 digits", "1234567890123"), named("letters", "12345678901a"),
                named("Arabic-Indic digits", "١٢٣٤٥٦٧٨٩٠١٢"), named("negative", "-12345678901"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedAccounts")
    void malformedAccountIdIsRefused(String account) {
        assertRefused(response(RESULT.replace("<Account>123456789012", "<Account>" + account)), "malformed account id");
    }

    @Test
    void errorCodeIsExtractedFromAnStsErrorResponse() {
        String error = "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code>"
                + "<Message>The security token included in the request is invalid.</Message></Error>"
                + "<RequestId>x</RequestId></ErrorResponse>";
        assertThat(CallerIdentity.errorCode(bytes(error))).isEqualTo("InvalidClientTokenId");
    }

    @Test
    void errorCodeIsNullWithoutCodeOrXml() {
        assertThat(CallerIdentity.errorCode(bytes(REAL))).isNull();
        assertThat(CallerIdentity.errorCode(bytes("Forbidden"))).isNull();
        assertThat(CallerIdentity.errorCode(bytes("<!DOCTYPE r [<!ENTITY c \"Forged\">]><ErrorResponse><Code>&c;</Code></ErrorResponse>"))).isNull();
    }

    static Arguments named(String name, String value) {
        return Arguments.of(Named.of(name, value));
    }
}
