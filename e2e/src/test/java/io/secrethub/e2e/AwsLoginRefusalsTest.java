package io.secrethub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.secrethub.client.SecretHubClient;
import io.secrethub.client.aws.AwsConfig;
import io.secrethub.client.aws.AwsServiceAccountRequest;
import io.secrethub.core.api.AwsApi;
import io.secrethub.core.crypto.HmacSha256;
import io.secrethub.core.crypto.KeyCredential;
import io.secrethub.core.signing.MessageSignatures;
import io.secrethub.core.signing.RequestSigner;
import io.secrethub.core.signing.SignatureParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

/**
 * Every refusal of {@code POST /v1/auth/aws}, each with its own test, with logins hand-signed by the
 * AWS SDK's SigV4 signer and sent as raw HTTP to a real server process that checks them against moto.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AwsLoginRefusalsTest {
    private static final String ROLE = "login-role";
    private static final String DOOMED_ROLE = "doomed-role";
    private static final long SESSION_TTL_SECONDS = 3;

    /** One folder for the whole class: its server, configs and logs. */
    private Path tmp;

    private AwsEmulator aws;
    private ServerProcess server;
    private FakeCredentialEndpoints.RoleCredentials role;
    private SecretHubClient owner;
    private AwsConfig creator;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void start(@TempDir Path classDir) throws Exception {
        tmp = classDir;
        aws = AwsEmulator.start(tmp, new String[] {ROLE, DOOMED_ROLE}, new String[0]);
        server = ServerProcess.start(tmp.resolve("data"), tmp.resolve("server.log"), "--allow-signup",
                "--aws-sts-endpoint", AwsEmulator.REGION + "=" + aws.moto.url(), "--aws-session-ttl", Long.toString(SESSION_TTL_SECONDS));
        owner = SecretHubClient.signup(URI.create(server.url()), "owner", "o@example.com", "Owner", KeyCredential.generate(), "test");
        owner.createRepo("owner/app");
        owner.write("owner/app/key", "value");
        creator = AwsConfig.builder().region(AwsEmulator.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(aws.creator.accessKeyId(), aws.creator.secretAccessKey())))
                .stsEndpoint(URI.create(aws.moto.url())).kmsEndpoint(URI.create(aws.moto.url())).iamEndpoint(URI.create(aws.moto.url()))
                .build();
        owner.createAwsService("owner/app", AwsServiceAccountRequest.of(aws.kmsKeyArn, ROLE).withAwsConfig(creator), "read");
        role = aws.assumeRole(ROLE, "i-0refusals");
    }

    @AfterAll
    void stop() throws Exception {
        http.close();
        if (owner != null) {
            owner.close();
        }
        if (server != null) {
            server.close();
        }
        if (aws != null) {
            aws.close();
        }
    }

    private String audience() {
        return AwsApi.audienceFor(URI.create(server.url()));
    }

    /** Signs a GetCallerIdentity for moto's STS as a client would, with room to change what is signed. */
    private Map<String, String> signedHeaders(String region, Clock clock, Consumer<SdkHttpRequest.Builder> beforeSigning) {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(URI.create(aws.moto.url() + "/"))
                .putHeader("Content-Type", AwsApi.GET_CALLER_IDENTITY_CONTENT_TYPE)
                .putHeader(AwsApi.AUDIENCE_HEADER, audience());
        beforeSigning.accept(request);
        var signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsSessionCredentials.create(role.accessKeyId(), role.secretAccessKey(), role.sessionToken()))
                .request(request.build())
                .payload(ContentStreamProvider.fromUtf8String(AwsApi.GET_CALLER_IDENTITY_BODY))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock));
        Map<String, String> headers = new LinkedHashMap<>();
        signed.request().headers().forEach((k, v) -> {
            if (!k.equalsIgnoreCase("host")) {
                headers.put(k, String.join(",", v));
            }
        });
        return headers;
    }

    private Map<String, String> signedHeaders(Consumer<SdkHttpRequest.Builder> beforeSigning) {
        return signedHeaders(AwsEmulator.REGION, Clock.systemUTC(), beforeSigning);
    }

    private HttpResponse<String> login(String region, Map<String, String> headers) throws Exception {
        byte[] body = json.writeValueAsBytes(Map.of("request", Map.of("region", region, "headers", headers)));
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + "/v1/auth/aws"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertRefused(HttpResponse<String> response, int status, String code, String messagePart) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode error = new ObjectMapper().readTree(response.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).contains(messagePart);
    }

    @Test
    void aCorrectLoginGetsASession() throws Exception {
        HttpResponse<String> response = login(AwsEmulator.REGION, signedHeaders(r -> {}));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode session = json.readTree(response.body());
        assertThat(session.get("session_id").asText()).startsWith("s1.");
        assertThat(Base64.getDecoder().decode(session.get("session_key").asText())).hasSize(32);
        assertThat(session.get("role_arn").asText()).endsWith(":role/" + ROLE);
        assertThat(Files.readString(server.log())).as("the audit records the role session name").contains("i-0refusals");
    }

    @Test
    void audienceMissing() throws Exception {
        assertRefused(login(AwsEmulator.REGION, signedHeaders(r -> r.removeHeader(AwsApi.AUDIENCE_HEADER))),
                401, "aws_auth_failed", "no X-SecretHub-Audience");
    }

    @Test
    void audienceNotSigned() throws Exception {
        Map<String, String> headers = signedHeaders(r -> r.removeHeader(AwsApi.AUDIENCE_HEADER));
        headers.put(AwsApi.AUDIENCE_HEADER, audience());
        assertRefused(login(AwsEmulator.REGION, headers), 401, "aws_auth_failed", "not signed");
    }

    @Test
    void audienceOfAnotherServer() throws Exception {
        assertRefused(login(AwsEmulator.REGION, signedHeaders(r -> r.putHeader(AwsApi.AUDIENCE_HEADER, "https://other.example.com"))),
                401, "aws_auth_failed", "other.example.com");
    }

    @Test
    void configuredAudienceReplacesTheOneFromThePublicUrl() throws Exception {
        try (ServerProcess other = ServerProcess.start(tmp.resolve("other-data"), tmp.resolve("other.log"),
                "--aws-sts-endpoint", AwsEmulator.REGION + "=" + aws.moto.url(), "--aws-audience", "https://secrets.example.com")) {
            byte[] body = json.writeValueAsBytes(Map.of("request", Map.of("region", AwsEmulator.REGION, "headers", signedHeaders(r -> {}))));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(other.url() + "/v1/auth/aws"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertRefused(response, 401, "aws_auth_failed", "https://secrets.example.com");
        }
    }

    @Test
    void staleAmzDate() throws Exception {
        Clock past = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-16));
        assertRefused(login(AwsEmulator.REGION, signedHeaders(AwsEmulator.REGION, past, r -> {})), 401, "signature_expired", "clock");
    }

    @Test
    void futureAmzDate() throws Exception {
        Clock future = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(16));
        assertRefused(login(AwsEmulator.REGION, signedHeaders(AwsEmulator.REGION, future, r -> {})), 401, "signature_expired", "clock");
    }

    @Test
    void extraAmzHeader() throws Exception {
        assertRefused(login(AwsEmulator.REGION, signedHeaders(r -> r.putHeader("X-Amz-Target", "AWSSecurityTokenServiceV20110615.GetCallerIdentity"))),
                401, "aws_auth_failed", "X-Amz-Target");
    }

    @Test
    void regionOutsideTheEndpointTable() throws Exception {
        assertRefused(login("cn-north-1", signedHeaders("cn-north-1", Clock.systemUTC(), r -> {})), 400, "invalid_argument",
                "does not accept AWS logins from region cn-north-1");
    }

    @Test
    void regionThatDoesNotMatchTheSignature() throws Exception {
        Map<String, String> headers = signedHeaders(r -> {});
        assertRefused(login("eu-west-1", headers), 401, "aws_auth_failed", "signed for region us-east-1");
    }

    @Test
    void tamperedSignatureIsRejectedBySts() throws Exception {
        Map<String, String> headers = signedHeaders(r -> {});
        headers.computeIfPresent("Authorization", (k, v) -> v.substring(0, v.length() - 4) + (v.endsWith("0000") ? "1111" : "0000"));
        assertRefused(login(AwsEmulator.REGION, headers), 401, "aws_auth_failed", "AWS STS rejected the credentials");
    }

    @Test
    void unauthenticatedRequestForTheKmsWrappedKey() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/v1/me/key")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertRefused(response, 401, "not_authenticated", "not signed");
    }

    @Test
    void expiredSession() throws Exception {
        JsonNode session = json.readTree(login(AwsEmulator.REGION, signedHeaders(r -> {})).body());
        byte[] key = Base64.getDecoder().decode(session.get("session_key").asText());
        RequestSigner signer = new RequestSigner() {
            public String keyId() { return session.get("session_id").asText(); }
            public String algorithm() { return SignatureParams.ALG_HMAC_SHA256; }
            public byte[] sign(byte[] base) { return HmacSha256.mac(key, base); }
        };
        assertThat(signedGet("/v1/me/key", signer).statusCode()).as("the fresh session works").isEqualTo(200);
        Thread.sleep((SESSION_TTL_SECONDS + 1) * 1000);
        assertRefused(signedGet("/v1/me/key", signer), 401, "session_expired", "expired");
    }

    @Test
    void deletingAServiceAccountEndsItsSessions() throws Exception {
        var service = owner.createAwsService("owner/app", AwsServiceAccountRequest.of(aws.kmsKeyArn, DOOMED_ROLE).withAwsConfig(creator), "read");
        FakeCredentialEndpoints.RoleCredentials doomed = aws.assumeRole(DOOMED_ROLE, "i-doomed");
        // Sign as the doomed role instead of the class's role.
        FakeCredentialEndpoints.RoleCredentials saved = role;
        Map<String, String> headers;
        role = doomed;
        try {
            headers = signedHeaders(r -> {});
        } finally {
            role = saved;
        }
        JsonNode session = json.readTree(login(AwsEmulator.REGION, headers).body());
        RequestSigner signer = sessionSigner(session);
        assertThat(signedGet("/v1/me/key", signer).statusCode()).isEqualTo(200);
        owner.deleteService(service.serviceId());
        assertRefused(signedGet("/v1/me/key", signer), 401, "unknown_credential", "deleted");
        // The same role gets a new service account; the old session still does not work.
        owner.createAwsService("owner/app", AwsServiceAccountRequest.of(aws.kmsKeyArn, DOOMED_ROLE).withAwsConfig(creator), "read");
        assertRefused(signedGet("/v1/me/key", signer), 401, "unknown_credential", "deleted");
    }

    private static RequestSigner sessionSigner(JsonNode session) {
        byte[] key = Base64.getDecoder().decode(session.get("session_key").asText());
        return new RequestSigner() {
            public String keyId() { return session.get("session_id").asText(); }
            public String algorithm() { return SignatureParams.ALG_HMAC_SHA256; }
            public byte[] sign(byte[] base) { return HmacSha256.mac(key, base); }
        };
    }

    @Test
    void forgedSessionKeyIsRefused() throws Exception {
        JsonNode session = json.readTree(login(AwsEmulator.REGION, signedHeaders(r -> {})).body());
        RequestSigner forged = new RequestSigner() {
            public String keyId() { return session.get("session_id").asText(); }
            public String algorithm() { return SignatureParams.ALG_HMAC_SHA256; }
            public byte[] sign(byte[] base) { return HmacSha256.mac(new byte[32], base); }
        };
        assertRefused(signedGet("/v1/me/key", forged), 401, "invalid_signature", "");
    }

    private HttpResponse<String> signedGet(String path, RequestSigner signer) throws Exception {
        URI uri = URI.create(server.url() + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        MessageSignatures.sign("GET", uri.getHost() + ":" + uri.getPort(), uri.getRawPath(), null, null, signer, Instant.now())
                .forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

}
