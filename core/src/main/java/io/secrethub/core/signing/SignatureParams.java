package io.secrethub.core.signing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Signature-Input} of RFC 9421 as this API uses it: one signature labelled {@code sig1},
 * its covered components, and exactly the parameters {@code created}, {@code keyid} and {@code alg}.
 * Anything else is refused, so there is one way to sign a request.
 */
public record SignatureParams(List<String> components, long created, String keyId, String alg) {
    public static final String LABEL = "sig1";
    public static final List<String> WITHOUT_BODY = List.of("@method", "@authority", "@path", "@query");
    public static final List<String> WITH_BODY = List.of("@method", "@authority", "@path", "@query", "content-digest");
    public static final String ALG_ED25519 = "ed25519";
    public static final String ALG_HMAC_SHA256 = "hmac-sha256";

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_.-]{1,128}");
    private static final Pattern INPUT = Pattern.compile(
            "sig1=\\(((?:\"[a-z@-]+\")(?: \"[a-z@-]+\")*)?\\)((?:;[a-z]+=(?:[0-9]{1,12}|\"[A-Za-z0-9_.-]*\"))*)");
    private static final Pattern PARAM = Pattern.compile(";([a-z]+)=([0-9]+|\"[A-Za-z0-9_.-]*\")");

    public SignatureParams {
        components = List.copyOf(components);
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new SignatureFormatException("keyid is malformed");
        }
        if (!alg.equals(ALG_ED25519) && !alg.equals(ALG_HMAC_SHA256)) {
            throw new SignatureFormatException("alg must be ed25519 or hmac-sha256");
        }
    }

    /** The value of the Signature-Input header. */
    public String toHeader() {
        return LABEL + "=" + serialize();
    }

    /** The inner list with its parameters, as it appears in {@code @signature-params}. */
    public String serialize() {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < components.size(); i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append('"').append(components.get(i)).append('"');
        }
        return b.append(");created=").append(created).append(";keyid=\"").append(keyId)
                .append("\";alg=\"").append(alg).append('"').toString();
    }

    public static SignatureParams parse(String header) {
        if (header == null) {
            throw new SignatureFormatException("the request has no Signature-Input header");
        }
        Matcher m = INPUT.matcher(header.trim());
        if (!m.matches()) {
            throw new SignatureFormatException("the Signature-Input header is malformed or does not label its signature sig1");
        }
        List<String> components = new ArrayList<>();
        if (m.group(1) != null) {
            for (String c : m.group(1).split(" ")) {
                components.add(c.substring(1, c.length() - 1));
            }
        }
        Map<String, String> params = new LinkedHashMap<>();
        Matcher p = PARAM.matcher(m.group(2));
        while (p.find()) {
            if (params.put(p.group(1), p.group(2)) != null) {
                throw new SignatureFormatException("the Signature-Input header repeats the parameter " + p.group(1));
            }
        }
        if (!params.keySet().equals(java.util.Set.of("created", "keyid", "alg"))) {
            throw new SignatureFormatException("the Signature-Input header must have exactly the parameters created, keyid and alg");
        }
        String created = params.get("created");
        String keyId = params.get("keyid");
        String alg = params.get("alg");
        if (created.startsWith("\"") || !keyId.startsWith("\"") || !alg.startsWith("\"")) {
            throw new SignatureFormatException("the Signature-Input header has parameters of the wrong type");
        }
        return new SignatureParams(components, Long.parseLong(created), unquote(keyId), unquote(alg));
    }

    private static String unquote(String s) {
        return s.substring(1, s.length() - 1);
    }
}
