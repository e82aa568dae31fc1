package io.secrethub.server.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jdbi.v3.core.Handle;

import io.secrethub.core.crypto.EncryptedValue;
import io.secrethub.core.crypto.SealedBox;

/** Secret keys with their per-account copies, and secret versions. The secret itself is a node. */
public final class SecretStore {
    private final Handle handle;
    private final StoredJson json;

    SecretStore(Handle handle, StoredJson json) {
        this.handle = handle;
        this.json = json;
    }

    public void insertKey(UUID keyId, UUID secretId, Instant createdAt) {
        handle.createUpdate("INSERT INTO secret_keys (id, secret_id, created_at) VALUES (:id, :secretId, :createdAt)")
                .bind("id", Rows.id(keyId))
                .bind("secretId", Rows.id(secretId))
                .bind("createdAt", Rows.millis(createdAt))
                .execute();
    }

    public void insertKeyCopy(UUID keyId, UUID accountId, SealedBox sealedKey) {
        handle.createUpdate("INSERT INTO secret_key_copies (key_id, account_id, sealed_key) VALUES (:keyId, :accountId, :key)")
                .bind("keyId", Rows.id(keyId))
                .bind("accountId", Rows.id(accountId))
                .bind("key", json.write(sealedKey))
                .execute();
    }

    public void insertVersion(UUID secretId, int version, UUID keyId, EncryptedValue value, Instant createdAt) {
        handle.createUpdate("""
                        INSERT INTO secret_versions (secret_id, version, key_id, encrypted_value, created_at)
                        VALUES (:secretId, :version, :keyId, :value, :createdAt)""")
                .bind("secretId", Rows.id(secretId))
                .bind("version", version)
                .bind("keyId", Rows.id(keyId))
                .bind("value", json.write(value))
                .bind("createdAt", Rows.millis(createdAt))
                .execute();
    }

    public boolean keyIdExists(UUID keyId) {
        return handle.createQuery("SELECT COUNT(*) FROM secret_keys WHERE id = :id")
                .bind("id", Rows.id(keyId)).mapTo(Integer.class).one() > 0;
    }

    public boolean isKeyOf(UUID keyId, UUID secretId) {
        return handle.createQuery("SELECT COUNT(*) FROM secret_keys WHERE id = :id AND secret_id = :secretId")
                .bind("id", Rows.id(keyId))
                .bind("secretId", Rows.id(secretId))
                .mapTo(Integer.class).one() > 0;
    }

    /** The secret's most recently created key. */
    public Optional<UUID> newestKey(UUID secretId) {
        return handle.createQuery("SELECT id FROM secret_keys WHERE secret_id = :secretId ORDER BY created_at DESC, id DESC")
                .bind("secretId", Rows.id(secretId))
                .setMaxRows(1)
                .mapTo(String.class).findFirst()
                .map(UUID::fromString);
    }

    /** The key sealed to the account, if it was. */
    public Optional<SealedBox> keyCopy(UUID keyId, UUID accountId) {
        return handle.createQuery("SELECT sealed_key FROM secret_key_copies WHERE key_id = :keyId AND account_id = :accountId")
                .bind("keyId", Rows.id(keyId))
                .bind("accountId", Rows.id(accountId))
                .mapTo(String.class).findOne()
                .map(json::sealedBox);
    }

    /** All versions, oldest first, without their values. */
    public List<VersionRow> versions(UUID secretId) {
        return handle.createQuery("""
                        SELECT secret_id, version, key_id, created_at FROM secret_versions
                        WHERE secret_id = :secretId ORDER BY version""")
                .bind("secretId", Rows.id(secretId))
                .map((rs, ctx) -> new VersionRow(Rows.uuid(rs, "secret_id"), rs.getInt("version"), Rows.uuid(rs, "key_id"),
                        null, Rows.instant(rs, "created_at")))
                .list();
    }

    /** One version with its value. */
    public Optional<VersionRow> version(UUID secretId, int version) {
        return handle.createQuery("""
                        SELECT secret_id, version, key_id, encrypted_value, created_at FROM secret_versions
                        WHERE secret_id = :secretId AND version = :version""")
                .bind("secretId", Rows.id(secretId))
                .bind("version", version)
                .map((rs, ctx) -> new VersionRow(Rows.uuid(rs, "secret_id"), rs.getInt("version"), Rows.uuid(rs, "key_id"),
                        json.encryptedValue(rs.getString("encrypted_value")), Rows.instant(rs, "created_at")))
                .findOne();
    }

    /**
     * Makes {@code newVersion} the latest, but only if the latest is still {@code newVersion - 1}.
     * Checking and updating in one statement means two writers racing for the same number cannot
     * both win, on SQLite or PostgreSQL.
     *
     * @return false if another version got there first
     */
    public boolean advanceLatestVersion(UUID secretId, int newVersion) {
        return handle.createUpdate("""
                        UPDATE nodes SET latest_version = :newVersion, version_count = version_count + 1
                        WHERE id = :secretId AND kind = 'secret' AND latest_version = :expected""")
                .bind("newVersion", newVersion)
                .bind("expected", newVersion - 1)
                .bind("secretId", Rows.id(secretId))
                .execute() == 1;
    }

    /** Deletes one version and recomputes the secret's latest version and count from what is left. */
    public void deleteVersion(UUID secretId, int version) {
        handle.createUpdate("DELETE FROM secret_versions WHERE secret_id = :secretId AND version = :version")
                .bind("secretId", Rows.id(secretId))
                .bind("version", version)
                .execute();
        handle.createUpdate("""
                        UPDATE nodes SET
                            latest_version = (SELECT MAX(v.version) FROM secret_versions v WHERE v.secret_id = :secretId),
                            version_count = (SELECT COUNT(*) FROM secret_versions v WHERE v.secret_id = :secretId)
                        WHERE id = :secretId""")
                .bind("secretId", Rows.id(secretId))
                .execute();
    }
}
