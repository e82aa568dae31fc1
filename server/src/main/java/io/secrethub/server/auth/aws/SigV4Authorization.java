package io.secrethub.server.auth.aws;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.secrethub.core.api.ErrorCode;

/**
 * The parts of a SigV4 {@code Authorization} header:
 * {@code AWS4-HMAC-SHA256 Credential=<key>/<date>/<region>/<service>/aws4_request, SignedHeaders=<a;b>, Signature=<hex>}.
 * Parsed strictly; the signature itself is for STS to check.
 */
record SigV4Authorization(String accessKeyId, String scopeDate, String scopeRegion, String scopeService,
                          String scopeTerminator, List<String> signedHeaders) {
    private static final Pattern FORMAT = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([A-Za-z0-9]{4,128})/([0-9]{8})/([a-z0-9-]{1,32})/([a-z0-9-]{1,32})/([a-z0-9_]{1,32}), ?"
                    + "SignedHeaders=([a-z0-9;-]{1,512}), ?Signature=[0-9a-f]{64}");

    static SigV4Authorization parse(String header) {
        if (header == null) {
            throw new AwsLoginRefused(ErrorCode.AWS_AUTH_FAILED, "the signed request has no Authorization header");
        }
        Matcher m = FORMAT.matcher(header);
        if (!m.matches()) {
            throw new AwsLoginRefused(ErrorCode.AWS_AUTH_FAILED, "the Authorization header is not a SigV4 (AWS4-HMAC-SHA256) signature");
        }
        return new SigV4Authorization(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), List.of(m.group(6).split(";")));
    }
}
