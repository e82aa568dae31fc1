package io.secrethub.core.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

/**
 * The place a ciphertext belongs to, bound into it as AEAD associated data. A server that serves
 * one secret's value as another's, version 3 as version 5, or one account's copy to another,
 * makes decryption fail instead of returning the wrong plaintext.
 *
 * <p>Encoding: {@code "secrethub/v1/" + label}, then each field as a 4-byte big-endian length and
 * its UTF-8 bytes, so no two distinct contexts share an encoding.
 */
public final class BindingContext {
    private final byte[] encoded;

    private BindingContext(String label, String... fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeField(out, "secrethub/" + Suite.V1 + "/" + label);
        for (String field : fields) {
            writeField(out, field);
        }
        this.encoded = out.toByteArray();
    }

    /** A secret version's value: the server cannot swap secrets or versions. */
    public static BindingContext version(UUID secretId, int version) {
        return new BindingContext("version", secretId.toString(), Integer.toString(version));
    }

    /** A secret key sealed to one account. */
    public static BindingContext secretKey(UUID secretId, UUID keyId, UUID recipientAccountId) {
        return new BindingContext("secret-key", secretId.toString(), keyId.toString(), recipientAccountId.toString());
    }

    /** A directory's or secret's name sealed to one account. */
    public static BindingContext name(UUID nodeId, UUID recipientAccountId) {
        return new BindingContext("name", nodeId.toString(), recipientAccountId.toString());
    }

    /** A repo index key sealed to one member. */
    public static BindingContext repoKey(UUID repoId, UUID recipientAccountId) {
        return new BindingContext("repo-key", repoId.toString(), recipientAccountId.toString());
    }

    /** An account private key sealed to one credential. */
    public static BindingContext accountKey(UUID accountId, String credentialFingerprint) {
        return new BindingContext("account-key", accountId.toString(), credentialFingerprint);
    }

    byte[] bytes() {
        return encoded.clone();
    }

    private static void writeField(ByteArrayOutputStream out, String field) {
        byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BindingContext other && Arrays.equals(encoded, other.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "BindingContext[" + new String(encoded, StandardCharsets.UTF_8).replaceAll("[^\\x20-\\x7e]", "|") + "]";
    }
}
