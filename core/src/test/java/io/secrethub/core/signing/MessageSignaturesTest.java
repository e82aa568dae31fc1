package io.secrethub.core.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.secrethub.core.crypto.Ed25519;
import io.secrethub.core.crypto.KeyCredential;
import org.junit.jupiter.api.Test;

class MessageSignaturesTest {
    private final KeyCredential credential = KeyCredential.generate();
    private final RequestSigner signer = new RequestSigner() {
        public String keyId() { return credential.fingerprint(); }
        public String algorithm() { return SignatureParams.ALG_ED25519; }
        public byte[] sign(byte[] base) { return credential.sign(base); }
    };

    @Test
    void signatureBaseFollowsRfc9421() {
        SignatureParams params = new SignatureParams(SignatureParams.WITH_BODY, 1618884473L, "abc", "ed25519");
        RequestParts parts = new RequestParts("post", "Example.COM:8080", "/v1/foo%20bar", "a=1", "sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:");
        String base = new String(SignatureBase.build(params, parts), StandardCharsets.UTF_8);
        assertThat(base).isEqualTo("""
                "@method": POST
                "@authority": example.com:8080
                "@path": /v1/foo%20bar
                "@query": ?a=1
                "content-digest": sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:
                "@signature-params": ("@method" "@authority" "@path" "@query" "content-digest");created=1618884473;keyid="abc";alg="ed25519\"""");
    }

    @Test
    void absentQueryIsAQuestionMark() {
        SignatureParams params = new SignatureParams(SignatureParams.WITHOUT_BODY, 1L, "abc", "ed25519");
        String base = new String(SignatureBase.build(params, new RequestParts("GET", "h", "/v1/me", null, null)), StandardCharsets.UTF_8);
        assertThat(base).contains("\"@query\": ?\n");
    }

    @Test
    void contentDigestMatchesRfc9530Example() {
        // RFC 9530 Appendix B.1 / RFC 9421 §2.1: {"hello": "world"} followed by a newline.
        assertThat(ContentDigest.of("{\"hello\": \"world\"}\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha-256=:RK/0qy18MlBSVnWgjwz6lZEWjP/lF5HF9bvEF8FabDg=:");
        assertThat(ContentDigest.matches("sha-256=:RK/0qy18MlBSVnWgjwz6lZEWjP/lF5HF9bvEF8FabDg=:",
                "{\"hello\": \"world\"}\n".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(ContentDigest.matches("sha-256=:RK/0qy18MlBSVnWgjwz6lZEWjP/lF5HF9bvEF8FabDg=:", "{}".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(ContentDigest.matches(null, new byte[0])).isFalse();
    }

    @Test
    void signedHeadersRoundTripAndVerify() {
        byte[] body = "{\"x\":1}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = MessageSignatures.sign("POST", "127.0.0.1:8080", "/v1/users", null, body, signer, Instant.ofEpochSecond(1000));
        assertThat(headers).containsKeys("Content-Digest", "Signature-Input", "Signature");

        SignatureParams params = SignatureParams.parse(headers.get("Signature-Input"));
        assertThat(params.components()).isEqualTo(SignatureParams.WITH_BODY);
        assertThat(params.created()).isEqualTo(1000);
        assertThat(params.keyId()).isEqualTo(credential.fingerprint());
        byte[] base = SignatureBase.build(params, new RequestParts("POST", "127.0.0.1:8080", "/v1/users", null, headers.get("Content-Digest")));
        byte[] signature = MessageSignatures.parseSignature(headers.get("Signature"));
        assertThat(Ed25519.verify(credential.verifier(), base, signature)).isTrue();

        byte[] otherPath = SignatureBase.build(params, new RequestParts("POST", "127.0.0.1:8080", "/v1/userz", null, headers.get("Content-Digest")));
        assertThat(Ed25519.verify(credential.verifier(), otherPath, signature)).isFalse();
    }

    @Test
    void noBodyMeansNoContentDigest() {
        Map<String, String> headers = MessageSignatures.sign("GET", "h", "/v1/me", null, null, signer, Instant.now());
        assertThat(headers).doesNotContainKey("Content-Digest");
        assertThat(SignatureParams.parse(headers.get("Signature-Input")).components()).isEqualTo(SignatureParams.WITHOUT_BODY);
    }

    @Test
    void refusesMalformedSignatureInput() {
        for (String bad : List.of(
                "",
                "sig2=(\"@method\");created=1;keyid=\"a\";alg=\"ed25519\"",
                "sig1=(\"@method\");created=1;keyid=\"a\"",
                "sig1=(\"@method\");created=1;keyid=\"a\";alg=\"ed25519\";expires=5",
                "sig1=(\"@method\");created=1;created=2;keyid=\"a\";alg=\"ed25519\"",
                "sig1=(\"@method\");created=\"1\";keyid=\"a\";alg=\"ed25519\"",
                "sig1=(\"@method\");created=1;keyid=\"a\";alg=\"rsa-v1_5-sha256\"",
                "sig1=(\"@method\");created=1;keyid=\"a b\";alg=\"ed25519\"")) {
            assertThatThrownBy(() -> SignatureParams.parse(bad)).as(bad).isInstanceOf(SignatureFormatException.class);
        }
        assertThatThrownBy(() -> SignatureParams.parse(null)).isInstanceOf(SignatureFormatException.class);
        assertThatThrownBy(() -> MessageSignatures.parseSignature("sig1=abc")).isInstanceOf(SignatureFormatException.class);
    }
}
