package io.secrethub.server.auth.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Stateless HMAC sessions: the key is derived from the server secret and every part of the session id. */
class SessionTokensTest {
    static final String FINGERPRINT = "0123456789abcdef".repeat(4);
    static final String EXPIRY = "1796292000";
    static final String NONCE = "AAECAwQFBgcICQoLDA0ODw";
    static final String ID = "s1." + FINGERPRINT + "." + EXPIRY + "." + NONCE;

    static byte[] secret(int fill) {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) fill);
        return secret;
    }

    final SessionTokens tokens = new SessionTokens(secret(7));

    @Test
    void mintedIdParsesBackToFingerprintAndExpiry() {
        Instant expiry = Instant.parse("2026-12-03T11:00:00.750Z");

        SessionTokens.Minted minted = tokens.mint(FINGERPRINT, expiry);
        SessionTokens.Parsed parsed = SessionTokens.parse(minted.sessionId()).orElseThrow();

        assertThat(parsed.credentialFingerprint()).isEqualTo(FINGERPRINT);
        assertThat(parsed.expiresAt()).isEqualTo(Instant.parse("2026-12-03T11:00:00Z")).isEqualTo(minted.expiresAt());
        assertThat(minted.sessionKey()).hasSize(32).isEqualTo(tokens.key(minted.sessionId()));
    }

    @Test
    void everyMintHasItsOwnIdAndKey() {
        Instant expiry = Instant.parse("2026-12-03T11:00:00Z");
        SessionTokens.Minted a = tokens.mint(FINGERPRINT, expiry);
        SessionTokens.Minted b = tokens.mint(FINGERPRINT, expiry);

        assertThat(a.sessionId()).isNotEqualTo(b.sessionId());
        assertThat(a.sessionKey()).isNotEqualTo(b.sessionKey());
    }

    @Test
    void keyIsDeterministicPerIdAndSecret() {
        assertThat(tokens.key(ID)).isEqualTo(tokens.key(ID)).isEqualTo(new SessionTokens(secret(7)).key(ID));
    }

    @Test
    void keyDiffersForAnotherSecret() {
        assertThat(new SessionTokens(secret(8)).key(ID)).isNotEqualTo(tokens.key(ID));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "s1.1123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.1796292000.AAECAwQFBgcICQoLDA0ODw", // fingerprint
            "s1.0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.1796292001.AAECAwQFBgcICQoLDA0ODw", // expiry
            "s1.0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.9796292000.AAECAwQFBgcICQoLDA0ODw", // expiry extended
            "s1.0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.1796292000.AAECAwQFBgcICQoLDA0ODx", // nonce
    })
    void keyDiffersWhenAnyPartOfTheIdChanges(String changed) {
        assertThat(SessionTokens.parse(changed)).isPresent();
        assertThat(tokens.key(changed)).isNotEqualTo(tokens.key(ID));
    }

    @Test
    void handMadeIdParses() {
        assertThat(SessionTokens.parse(ID)).contains(new SessionTokens.Parsed(FINGERPRINT, Instant.ofEpochSecond(1796292000L)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "s2.0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.1796292000.AAECAwQFBgcICQoLDA0ODw", // prefix
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.1796292000.AAECAwQFBgcICQoLDA0ODw",    // no prefix
            "s1.123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.1796292000.AAECAwQFBgcICQoLDA0ODw",  // 63 hex
            "s1.0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef.1796292000.AAECAwQFBgcICQoLDA0ODw", // upper-case hex
            "s1.0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.179629200.AAECAwQFBgcICQoLDA0ODw",  // 9-digit expiry
            "s1.0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.1796292000.AAECAwQFBgcICQoLDA0OD",  // short nonce
            "s1.0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.1796292000.AAECAwQFBgcICQoLDA0OD+", // not base64url
            "s1.0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.1796292000.AAECAwQFBgcICQoLDA0ODw.x", // extra segment
            "s1.0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.1796292000",                           // no nonce
            "",
    })
    void malformedIdIsRefused(String id) {
        assertThat(SessionTokens.parse(id)).isEmpty();
    }

    @Test
    void secretShorterThan32BytesIsRefused() {
        assertThatThrownBy(() -> new SessionTokens(new byte[31]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 bytes");
        assertThat(new SessionTokens(new byte[32]).key(ID)).hasSize(32);
    }
}
