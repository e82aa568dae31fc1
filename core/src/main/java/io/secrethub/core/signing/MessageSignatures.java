package io.secrethub.core.signing;

import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Signs a request with HTTP Message Signatures (RFC 9421), and reads a signature back. */
public final class MessageSignatures {
    public static final String SIGNATURE_INPUT = "Signature-Input";
    public static final String SIGNATURE = "Signature";
    private static final Pattern SIGNATURE_VALUE = Pattern.compile("sig1=:([A-Za-z0-9+/]{1,256}={0,2}):");

    private MessageSignatures() {}

    /**
     * The headers to add: Signature-Input, Signature, and Content-Digest when there is a body.
     *
     * @param body the exact bytes that will be sent, or null for none
     */
    public static Map<String, String> sign(String method, String authority, String rawPath, String rawQuery,
                                           byte[] body, RequestSigner requestSigner, Instant now) {
        RequestSigner signer = requestSigner.forOneRequest();
        Map<String, String> headers = new LinkedHashMap<>();
        String digest = null;
        if (body != null && body.length > 0) {
            digest = ContentDigest.of(body);
            headers.put(ContentDigest.HEADER, digest);
        }
        RequestParts parts = new RequestParts(method, authority, rawPath, rawQuery, digest);
        SignatureParams params = new SignatureParams(
                parts.hasBody() ? SignatureParams.WITH_BODY : SignatureParams.WITHOUT_BODY,
                now.getEpochSecond(), signer.keyId(), signer.algorithm());
        byte[] signature = signer.sign(SignatureBase.build(params, parts));
        headers.put(SIGNATURE_INPUT, params.toHeader());
        headers.put(SIGNATURE, "sig1=:" + Base64.getEncoder().encodeToString(signature) + ":");
        return headers;
    }

    /** The raw signature bytes from a Signature header. */
    public static byte[] parseSignature(String header) {
        if (header == null) {
            throw new SignatureFormatException("the request has no Signature header");
        }
        Matcher m = SIGNATURE_VALUE.matcher(header.trim());
        if (!m.matches()) {
            throw new SignatureFormatException("the Signature header is malformed or does not label its signature sig1");
        }
        return Base64.getDecoder().decode(m.group(1));
    }
}
