package io.secrethub.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;
import org.junit.jupiter.api.Test;

/** Known-answer tests against the RFC test vectors for every primitive suite v1 relies on. */
class KnownAnswerTest {

    private static JsonNode vectors(String file) throws IOException {
        try (InputStream in = KnownAnswerTest.class.getResourceAsStream("/vectors/" + file)) {
            return new ObjectMapper().readTree(in).get("vectors");
        }
    }

    private static byte[] hex(JsonNode node, String field) {
        return Hex.decode(node.get(field).asText());
    }

    @Test
    void hpkeX25519Sha256Aes256GcmRfc9180() throws Exception {
        JsonNode v = vectors("hpke-x25519-sha256-aes256gcm.json").get(0);
        assertThat(v.get("kem_id").asInt()).isEqualTo(HPKE.kem_X25519_SHA256);
        assertThat(v.get("kdf_id").asInt()).isEqualTo(HPKE.kdf_HKDF_SHA256);
        assertThat(v.get("aead_id").asInt()).isEqualTo(HPKE.aead_AES_GCM256);
        byte[] info = hex(v, "info");

        // DeriveKeyPair, as RecipientKeyPair.derive uses it for credentials.
        RecipientKeyPair recipient = RecipientKeyPair.derive(hex(v, "ikmR"));
        // BouncyCastle serialises the X25519 scalar clamped (RFC 7748 §5); the vector gives it unclamped.
        assertThat(recipient.privateKeyBytes()).isEqualTo(clamp(hex(v, "skRm")));
        assertThat(recipient.publicKey().encoded()).isEqualTo(hex(v, "pkRm"));
        assertThat(RecipientKeyPair.fromPrivateKey(hex(v, "skRm")).publicKey().encoded()).isEqualTo(hex(v, "pkRm"));

        // The sender side with the vector's ephemeral key gives the vector's enc and first ciphertext.
        HPKE hpke = Hpke.suite();
        HPKEContextWithEncapsulation sender = hpke.setupBaseS(
                hpke.deserializePublicKey(hex(v, "pkRm")), info, hpke.deriveKeyPair(hex(v, "ikmE")));
        assertThat(sender.getEncapsulation()).isEqualTo(hex(v, "enc"));
        JsonNode first = v.get("encryptions").get(0);
        assertThat(sender.seal(hex(first, "aad"), hex(first, "pt"))).isEqualTo(hex(first, "ct"));
        for (int i = 1; i < v.get("encryptions").size(); i++) {
            JsonNode e = v.get("encryptions").get(i);
            assertThat(sender.seal(hex(e, "aad"), hex(e, "pt"))).as("encryption %d", i).isEqualTo(hex(e, "ct"));
        }
        for (JsonNode e : v.get("exports")) {
            assertThat(sender.export(hex(e, "exporter_context"), e.get("L").asInt())).isEqualTo(hex(e, "exported_value"));
        }

        // The single-shot open that suite v1 uses recovers the first plaintext.
        SealedBox box = new SealedBox(Suite.V1, hex(v, "enc"), hex(first, "ct"));
        assertThat(Hpke.open(recipient.pair(), info, hex(first, "aad"), box)).isEqualTo(hex(first, "pt"));
    }

    private static byte[] clamp(byte[] scalar) {
        byte[] k = scalar.clone();
        k[0] &= (byte) 248;
        k[31] &= 127;
        k[31] |= 64;
        return k;
    }

    @Test
    void ed25519Rfc8032() throws Exception {
        for (JsonNode v : vectors("ed25519-rfc8032.json")) {
            byte[] sk = hex(v, "secret_key");
            byte[] message = hex(v, "message");
            byte[] signature = hex(v, "signature");
            assertThat(Ed25519.publicKey(sk)).as(v.get("name").asText()).isEqualTo(hex(v, "public_key"));
            assertThat(Ed25519.sign(sk, message)).as(v.get("name").asText()).isEqualTo(signature);
            assertThat(Ed25519.verify(hex(v, "public_key"), message, signature)).isTrue();
            signature[0] ^= 1;
            assertThat(Ed25519.verify(hex(v, "public_key"), message, signature)).isFalse();
        }
    }

    @Test
    void hkdfSha256Rfc5869() throws Exception {
        for (JsonNode v : vectors("hkdf-sha256-rfc5869.json")) {
            assertThat(Hkdf.sha256(hex(v, "ikm"), hex(v, "salt"), hex(v, "info"), v.get("L").asInt()))
                    .as(v.get("name").asText()).isEqualTo(hex(v, "okm"));
        }
    }
}
