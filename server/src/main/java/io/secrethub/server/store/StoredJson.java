package io.secrethub.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.secrethub.core.crypto.EncryptedValue;
import io.secrethub.core.crypto.SealedBox;

/**
 * Sealed boxes and encrypted values are stored as their compact JSON in TEXT columns, which reads
 * the same in SQLite and PostgreSQL and keeps the suite next to the bytes.
 */
final class StoredJson {
    private final ObjectMapper mapper = new ObjectMapper();

    String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a stored value", e);
        }
    }

    SealedBox sealedBox(String text) {
        return text == null ? null : read(text, SealedBox.class);
    }

    EncryptedValue encryptedValue(String text) {
        return text == null ? null : read(text, EncryptedValue.class);
    }

    io.secrethub.core.api.AwsApi.KmsWrappedKey kmsWrappedKey(String text) {
        return text == null ? null : read(text, io.secrethub.core.api.AwsApi.KmsWrappedKey.class);
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return mapper.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored " + type.getSimpleName() + " is corrupt", e);
        }
    }
}
