package io.secrethub.server.auth.aws;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.secrethub.core.api.ErrorCode;

/** Sends a rebuilt GetCallerIdentity to STS: never following a redirect, trusting only a 200 with XML. */
public final class StsCaller {
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public CallerIdentity call(SignedStsRequestChecks.RebuiltRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.endpoint())
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::header);
        HttpResponse<byte[]> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AwsLoginRefused(ErrorCode.AWS_STS_UNAVAILABLE, "the server could not reach AWS STS in " + request.region());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AwsLoginRefused(ErrorCode.AWS_STS_UNAVAILABLE, "interrupted while calling AWS STS");
        }
        int status = response.statusCode();
        if (status == 400 || status == 403) {
            String code = CallerIdentity.errorCode(response.body());
            throw new AwsLoginRefused(ErrorCode.AWS_AUTH_FAILED, "AWS STS rejected the credentials"
                    + (code == null ? "" : " (" + code + ")")
                    + ". Check that the process has valid AWS credentials (a role session that has not expired).");
        }
        if (status != 200) {
            throw new AwsLoginRefused(ErrorCode.AWS_STS_UNAVAILABLE, "AWS STS answered HTTP " + status);
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (!contentType.startsWith("text/xml") && !contentType.startsWith("application/xml")) {
            throw new AwsLoginRefused(ErrorCode.AWS_STS_UNAVAILABLE, "AWS STS answered with " + (contentType.isEmpty() ? "no content type" : contentType)
                    + " instead of XML");
        }
        return CallerIdentity.parse(response.body());
    }
}
