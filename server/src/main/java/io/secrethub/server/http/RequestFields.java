package io.secrethub.server.http;

import java.util.List;

import io.secrethub.core.api.AccountApi;
import io.secrethub.core.api.ErrorCode;
import io.secrethub.core.api.Limits;
import io.secrethub.core.api.TreeApi;
import io.secrethub.core.crypto.EncryptedValue;
import io.secrethub.core.crypto.RepoIndexKey;
import io.secrethub.core.crypto.SealedBox;
import io.secrethub.core.crypto.Suite;

/**
 * Checks of request fields at the boundary. A missing field is malformed JSON; a present field that
 * breaks a rule is an invalid argument. Messages name the field, never its value.
 */
public final class RequestFields {
    private static final int X25519_KEY_LENGTH = 32;
    private static final int HPKE_ENC_LENGTH = 32;
    private static final int GCM_NONCE_LENGTH = 12;
    /** An AES-GCM ciphertext of at least one byte: the byte plus the 16-byte tag. */
    private static final int MIN_CIPHERTEXT = 17;

    private RequestFields() {}

    public static <T> T required(T value, String field) {
        if (value == null) {
            throw new ApiException(ErrorCode.MALFORMED_JSON, "field '" + field + "' is missing");
        }
        return value;
    }

    public static ApiException invalid(String field, String rule) {
        return new ApiException(ErrorCode.INVALID_ARGUMENT, "field '" + field + "' " + rule);
    }

    public static String blindName(String value, String field) {
        required(value, field);
        if (!RepoIndexKey.BLIND_NAME.matcher(value).matches()) {
            throw invalid(field, "must be a blind name: 43 characters of unpadded base64url");
        }
        return value;
    }

    public static SealedBox sealedBox(SealedBox box, String field) {
        required(box, field);
        if (!Suite.V1.equals(box.suite())) {
            throw invalid(field + ".suite", "must be '" + Suite.V1 + "'");
        }
        if (box.enc().length != HPKE_ENC_LENGTH) {
            throw invalid(field + ".enc", "must be " + HPKE_ENC_LENGTH + " bytes");
        }
        if (box.ciphertext().length < MIN_CIPHERTEXT || box.ciphertext().length > Limits.MAX_SEALED_SIZE) {
            throw invalid(field + ".ciphertext", "must be " + MIN_CIPHERTEXT + " to " + Limits.MAX_SEALED_SIZE + " bytes");
        }
        return box;
    }

    public static AccountApi.PublicKey publicKey(AccountApi.PublicKey key, String field) {
        required(key, field);
        if (!Suite.V1.equals(required(key.suite(), field + ".suite"))) {
            throw invalid(field + ".suite", "must be '" + Suite.V1 + "'");
        }
        if (required(key.key(), field + ".key").length != X25519_KEY_LENGTH) {
            throw invalid(field + ".key", "must be " + X25519_KEY_LENGTH + " bytes");
        }
        return key;
    }

    public static EncryptedValue encryptedValue(EncryptedValue value, String field) {
        required(value, field);
        if (!Suite.V1.equals(value.suite())) {
            throw invalid(field + ".suite", "must be '" + Suite.V1 + "'");
        }
        if (value.nonce().length != GCM_NONCE_LENGTH) {
            throw invalid(field + ".nonce", "must be " + GCM_NONCE_LENGTH + " bytes");
        }
        if (value.ciphertext().length > Limits.MAX_ENCRYPTED_SECRET_SIZE) {
            throw new ApiException(ErrorCode.VALUE_TOO_LARGE, "the encrypted value is larger than "
                    + Limits.MAX_ENCRYPTED_SECRET_SIZE + " bytes: a secret holds at most " + Limits.MAX_SECRET_SIZE + " bytes");
        }
        if (value.ciphertext().length < MIN_CIPHERTEXT) {
            throw invalid(field + ".ciphertext", "must be at least " + MIN_CIPHERTEXT + " bytes");
        }
        return value;
    }

    /** Each entry present and well formed; whether they cover the right accounts is checked against the tree. */
    public static List<TreeApi.SealedForAccount> sealedForAccounts(List<TreeApi.SealedForAccount> list, String field) {
        required(list, field);
        for (int i = 0; i < list.size(); i++) {
            String item = field + "[" + i + "]";
            TreeApi.SealedForAccount entry = required(list.get(i), item);
            required(entry.accountId(), item + ".account_id");
            sealedBox(entry.sealed(), item + ".sealed");
        }
        return list;
    }
}
