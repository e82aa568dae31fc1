package io.secrethub.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jdbi.v3.core.Handle;

/** Accounts and their credentials. */
public final class AccountStore {
    private static final String ACCOUNT_COLUMNS =
            "a.id, a.name, a.account_type, a.public_key_suite, a.public_key, a.email, a.full_name, a.created_at";
    private static final String CREDENTIAL_COLUMNS =
            "fingerprint, account_id, type, verifier, description, enabled, sealed_account_key, created_at";

    private final Handle handle;
    private final StoredJson json;

    AccountStore(Handle handle, StoredJson json) {
        this.handle = handle;
        this.json = json;
    }

    /** Inserts an account with its first credential; the caller's transaction makes the pair atomic. */
    public void insert(AccountRow account, CredentialRow credential) {
        handle.createUpdate("""
                        INSERT INTO accounts (id, name, name_lower, account_type, public_key_suite, public_key,
                                              email, full_name, created_at)
                        VALUES (:id, :name, :nameLower, :type, :suite, :key, :email, :fullName, :createdAt)""")
                .bind("id", Rows.id(account.id()))
                .bind("name", account.name())
                .bind("nameLower", account.name().toLowerCase(Locale.ROOT))
                .bind("type", account.accountType())
                .bind("suite", account.publicKeySuite())
                .bind("key", Rows.base64(account.publicKey()))
                .bind("email", account.email())
                .bind("fullName", account.fullName())
                .bind("createdAt", Rows.millis(account.createdAt()))
                .execute();
        insertCredential(credential);
    }

    public void insertCredential(CredentialRow credential) {
        handle.createUpdate("""
                        INSERT INTO credentials (fingerprint, account_id, type, verifier, description, enabled,
                                                 sealed_account_key, created_at)
                        VALUES (:fingerprint, :accountId, :type, :verifier, :description, :enabled, :sealed, :createdAt)""")
                .bind("fingerprint", credential.fingerprint())
                .bind("accountId", Rows.id(credential.accountId()))
                .bind("type", credential.type())
                .bind("verifier", Rows.base64(credential.verifier()))
                .bind("description", credential.description())
                .bind("enabled", credential.enabled() ? 1 : 0)
                .bind("sealed", credential.sealedAccountKey() == null ? null : json.write(credential.sealedAccountKey()))
                .bind("createdAt", Rows.millis(credential.createdAt()))
                .execute();
    }

    public boolean idExists(UUID id) {
        return handle.createQuery("SELECT COUNT(*) FROM accounts WHERE id = :id")
                .bind("id", Rows.id(id)).mapTo(Integer.class).one() > 0;
    }

    public Optional<AccountRow> findById(UUID id) {
        return handle.createQuery("SELECT " + ACCOUNT_COLUMNS + " FROM accounts a WHERE a.id = :id")
                .bind("id", Rows.id(id))
                .map((rs, ctx) -> account(rs)).findOne();
    }

    /** Names are unique regardless of case. */
    public Optional<AccountRow> findByName(String name) {
        return handle.createQuery("SELECT " + ACCOUNT_COLUMNS + " FROM accounts a WHERE a.name_lower = :name")
                .bind("name", name.toLowerCase(Locale.ROOT))
                .map((rs, ctx) -> account(rs)).findOne();
    }

    /** The accounts with these ids, ordered by name. */
    public List<AccountRow> findByIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return handle.createQuery("SELECT " + ACCOUNT_COLUMNS + " FROM accounts a WHERE a.id IN (<ids>) ORDER BY a.name_lower")
                .bindList("ids", ids.stream().map(Rows::id).toList())
                .map((rs, ctx) -> account(rs)).list();
    }

    public Optional<CredentialRow> findCredential(String fingerprint) {
        return handle.createQuery("SELECT " + CREDENTIAL_COLUMNS + " FROM credentials WHERE fingerprint = :fingerprint")
                .bind("fingerprint", fingerprint)
                .map((rs, ctx) -> credential(rs)).findOne();
    }

    public List<CredentialRow> credentialsOf(UUID accountId) {
        return handle.createQuery("SELECT " + CREDENTIAL_COLUMNS
                        + " FROM credentials WHERE account_id = :accountId ORDER BY created_at, fingerprint")
                .bind("accountId", Rows.id(accountId))
                .map((rs, ctx) -> credential(rs)).list();
    }

    public void setCredentialEnabled(String fingerprint, boolean enabled) {
        handle.createUpdate("UPDATE credentials SET enabled = :enabled WHERE fingerprint = :fingerprint")
                .bind("enabled", enabled ? 1 : 0)
                .bind("fingerprint", fingerprint)
                .execute();
    }

    private static AccountRow account(ResultSet rs) throws SQLException {
        return new AccountRow(Rows.uuid(rs, "id"), rs.getString("name"), rs.getString("account_type"),
                rs.getString("public_key_suite"), Rows.bytes(rs, "public_key"), rs.getString("email"),
                rs.getString("full_name"), Rows.instant(rs, "created_at"));
    }

    private CredentialRow credential(ResultSet rs) throws SQLException {
        return new CredentialRow(rs.getString("fingerprint"), Rows.uuid(rs, "account_id"), rs.getString("type"),
                Rows.bytes(rs, "verifier"), rs.getString("description"), rs.getInt("enabled") == 1,
                json.sealedBox(rs.getString("sealed_account_key")), Rows.instant(rs, "created_at"));
    }
}
