package io.secrethub.client.credentials;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.type.TypeReference;
import io.secrethub.client.SecretHubException;
import io.secrethub.client.http.Json;
import io.secrethub.core.crypto.KeyCredential;
import io.secrethub.core.crypto.PassphraseKey;

/**
 * The one-line credential format: {@code base64url(header JSON) "." base64url(payload)}.
 * <ul>
 *   <li>plain: header {@code {"type":"key","suite":"v1"}}, payload the 32-byte seed;</li>
 *   <li>passphrase-protected: the header adds {@code enc, m, t, p, salt, nonce}; the payload is
 *       AES-256-GCM under an Argon2id key, with the encoded header as associated data.</li>
 * </ul>
 */
public final class KeyCredentialFile {
    private static final String ENC = "argon2id+aes-256-gcm";
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64URL_DECODER = Base64.getUrlDecoder();

    private KeyCredentialFile() {}

    /** Encodes without protection. */
    public static String encode(KeyCredential credential) {
        Map<String, Object> header = baseHeader();
        byte[] seed = credential.seed();
        try {
            return encodeHeader(header) + "." + B64URL.encodeToString(seed);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** Encodes protected by {@code passphrase} with Argon2id (64 MiB, t=3, p=1). */
    public static String encode(KeyCredential credential, char[] passphrase) {
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[16];
        byte[] nonce = new byte[12];
        random.nextBytes(salt);
        random.nextBytes(nonce);
        Map<String, Object> header = baseHeader();
        header.put("enc", ENC);
        header.put("m", PassphraseKey.DEFAULT_MEMORY_KIB);
        header.put("t", PassphraseKey.DEFAULT_ITERATIONS);
        header.put("p", PassphraseKey.DEFAULT_PARALLELISM);
        header.put("salt", Base64.getEncoder().encodeToString(salt));
        header.put("nonce", Base64.getEncoder().encodeToString(nonce));
        String encodedHeader = encodeHeader(header);
        byte[] key = PassphraseKey.derive(passphrase, salt, PassphraseKey.DEFAULT_MEMORY_KIB,
                PassphraseKey.DEFAULT_ITERATIONS, PassphraseKey.DEFAULT_PARALLELISM);
        byte[] seed = credential.seed();
        try {
            byte[] ciphertext = PassphraseKey.encrypt(key, nonce, encodedHeader.getBytes(StandardCharsets.US_ASCII), seed);
            return encodedHeader + "." + B64URL.encodeToString(ciphertext);
        } finally {
            Arrays.fill(key, (byte) 0);
            Arrays.fill(seed, (byte) 0);
        }
    }

    public static boolean isPassphraseProtected(String encoded) {
        return parse(encoded).header.containsKey("enc");
    }

    /**
     * Decodes a credential. {@code passphrase} is asked only when the credential is protected.
     *
     * @throws SecretHubException {@code wrong_passphrase}, {@code passphrase_required} or {@code invalid_credential}
     */
    public static KeyCredential decode(String encoded, Supplier<char[]> passphrase) {
        Parsed parsed = parse(encoded);
        if (!parsed.header.containsKey("enc")) {
            if (parsed.payload.length != KeyCredential.SEED_LENGTH) {
                throw invalid("its key has the wrong length");
            }
            return KeyCredential.fromSeed(parsed.payload);
        }
        if (!ENC.equals(parsed.header.get("enc"))) {
            throw invalid("it is protected with '" + parsed.header.get("enc") + "', which this client does not know");
        }
        char[] pass = passphrase == null ? null : passphrase.get();
        if (pass == null) {
            throw new SecretHubException("passphrase_required", "the credential is protected by a passphrase. "
                    + "Set SECRETHUB_CREDENTIAL_PASSPHRASE or pass --credential-passphrase.");
        }
        byte[] key = null;
        byte[] seed = null;
        try {
            key = PassphraseKey.derive(pass, base64(parsed.header, "salt"), intField(parsed.header, "m"),
                    intField(parsed.header, "t"), intField(parsed.header, "p"));
            seed = PassphraseKey.decrypt(key, base64(parsed.header, "nonce"),
                    parsed.encodedHeader.getBytes(StandardCharsets.US_ASCII), parsed.payload);
            if (seed.length != KeyCredential.SEED_LENGTH) {
                throw invalid("its key has the wrong length");
            }
            return KeyCredential.fromSeed(seed);
        } catch (PassphraseKey.WrongPassphraseException e) {
            throw new SecretHubException("wrong_passphrase", "the credential passphrase is wrong");
        } catch (io.secrethub.core.crypto.CryptoException e) {
            throw invalid(e.getMessage());
        } finally {
            Arrays.fill(pass, '\0');
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
            if (seed != null) {
                Arrays.fill(seed, (byte) 0);
            }
        }
    }

    private record Parsed(String encodedHeader, Map<String, Object> header, byte[] payload) {}

    private static Parsed parse(String encoded) {
        if (encoded == null) {
            throw invalid("it is empty");
        }
        String[] parts = encoded.strip().split("\\.", -1);
        if (parts.length != 2) {
            throw invalid("it must be two base64url parts separated by a dot");
        }
        try {
            Map<String, Object> header = Json.MAPPER.readValue(B64URL_DECODER.decode(parts[0]), new TypeReference<>() {});
            if (!"key".equals(header.get("type")) || !"v1".equals(header.get("suite"))) {
                throw invalid("it is not a suite v1 key credential");
            }
            return new Parsed(parts[0], header, B64URL_DECODER.decode(parts[1]));
        } catch (SecretHubException e) {
            throw e;
        } catch (Exception e) {
            throw invalid("it is not valid base64url and JSON");
        }
    }

    private static Map<String, Object> baseHeader() {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("type", KeyCredential.TYPE);
        header.put("suite", "v1");
        return header;
    }

    private static String encodeHeader(Map<String, Object> header) {
        try {
            return B64URL.encodeToString(Json.MAPPER.writeValueAsBytes(header));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int intField(Map<String, Object> header, String name) {
        if (!(header.get(name) instanceof Integer value)) {
            throw invalid("its header lacks the number '" + name + "'");
        }
        return value;
    }

    private static byte[] base64(Map<String, Object> header, String name) {
        if (!(header.get(name) instanceof String value)) {
            throw invalid("its header lacks '" + name + "'");
        }
        return Base64.getDecoder().decode(value);
    }

    private static SecretHubException invalid(String why) {
        return new SecretHubException("invalid_credential", "the credential is not valid: " + why);
    }
}
