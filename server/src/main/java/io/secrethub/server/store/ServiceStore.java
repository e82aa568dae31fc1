package io.secrethub.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jdbi.v3.core.Handle;

/** Service accounts and their AWS credentials. */
public final class ServiceStore {
    private static final String COLUMNS = """
            s.service_id, s.account_id, s.repo_id, s.description, s.created_by, s.created_at,
            w.fingerprint, w.role_key, w.role_arn, w.role_unique_id, w.kms_key_arn, w.kms_wrapped_key""";
    private static final String FROM = """
            FROM services s
            LEFT JOIN credentials c ON c.account_id = s.account_id
            LEFT JOIN aws_credentials w ON w.fingerprint = c.fingerprint""";

    private final Handle handle;
    private final StoredJson json;

    ServiceStore(Handle handle, StoredJson json) {
        this.handle = handle;
        this.json = json;
    }

    public void insert(String serviceId, UUID accountId, UUID repoId, String description, UUID createdBy, Instant createdAt) {
        handle.createUpdate("""
                        INSERT INTO services (service_id, account_id, repo_id, description, created_by, created_at)
                        VALUES (:serviceId, :accountId, :repoId, :description, :createdBy, :createdAt)""")
                .bind("serviceId", serviceId)
                .bind("accountId", Rows.id(accountId))
                .bind("repoId", Rows.id(repoId))
                .bind("description", description)
                .bind("createdBy", Rows.id(createdBy))
                .bind("createdAt", Rows.millis(createdAt))
                .execute();
    }

    public void insertAwsCredential(AwsCredentialRow aws) {
        handle.createUpdate("""
                        INSERT INTO aws_credentials (fingerprint, role_key, role_arn, role_unique_id, kms_key_arn, kms_wrapped_key)
                        VALUES (:fingerprint, :roleKey, :roleArn, :roleUniqueId, :kmsKeyArn, :wrapped)""")
                .bind("fingerprint", aws.fingerprint())
                .bind("roleKey", aws.roleKey())
                .bind("roleArn", aws.roleArn())
                .bind("roleUniqueId", aws.roleUniqueId())
                .bind("kmsKeyArn", aws.kmsKeyArn())
                .bind("wrapped", json.write(aws.wrappedAccountKey()))
                .execute();
    }

    public boolean serviceIdExists(String serviceId) {
        return handle.createQuery("SELECT COUNT(*) FROM services WHERE service_id = :id").bind("id", serviceId)
                .mapTo(Integer.class).one() > 0;
    }

    public boolean roleTaken(String roleKey) {
        return handle.createQuery("SELECT COUNT(*) FROM aws_credentials WHERE role_key = :roleKey").bind("roleKey", roleKey)
                .mapTo(Integer.class).one() > 0;
    }

    public Optional<ServiceRow> findByRole(String roleKey) {
        return handle.createQuery("SELECT " + COLUMNS + " " + FROM + " WHERE w.role_key = :roleKey")
                .bind("roleKey", roleKey).map((rs, ctx) -> row(rs)).findOne();
    }

    public Optional<ServiceRow> findByFingerprint(String fingerprint) {
        return handle.createQuery("SELECT " + COLUMNS + " " + FROM + " WHERE w.fingerprint = :fingerprint")
                .bind("fingerprint", fingerprint).map((rs, ctx) -> row(rs)).findOne();
    }

    public Optional<ServiceRow> find(String serviceId) {
        return handle.createQuery("SELECT " + COLUMNS + " " + FROM + " WHERE s.service_id = :id")
                .bind("id", serviceId).map((rs, ctx) -> row(rs)).findOne();
    }

    public List<ServiceRow> listForRepo(UUID repoId) {
        return handle.createQuery("SELECT " + COLUMNS + " " + FROM + " WHERE s.repo_id = :repoId ORDER BY s.created_at")
                .bind("repoId", Rows.id(repoId)).map((rs, ctx) -> row(rs)).list();
    }

    /** Binds the role's unique id at the first login when the creator could not look it up; only if still unbound. */
    public boolean bindRoleUniqueId(String fingerprint, String uniqueId) {
        return handle.createUpdate("UPDATE aws_credentials SET role_unique_id = :id WHERE fingerprint = :fingerprint AND role_unique_id IS NULL")
                .bind("id", uniqueId).bind("fingerprint", fingerprint).execute() == 1;
    }

    /**
     * Deletes a service account's account row; credentials, membership, access rules, sealed names and
     * key copies go with it through the foreign keys.
     */
    public void deleteAccount(UUID accountId) {
        handle.createUpdate("DELETE FROM accounts WHERE id = :id AND account_type = 'service'").bind("id", Rows.id(accountId)).execute();
    }

    /** The service accounts of a repo, whose accounts must go when the repo goes. */
    public List<UUID> accountsOfRepo(UUID repoId) {
        return handle.createQuery("SELECT account_id FROM services WHERE repo_id = :repoId").bind("repoId", Rows.id(repoId))
                .map((rs, ctx) -> Rows.uuid(rs, "account_id")).list();
    }

    private ServiceRow row(ResultSet rs) throws SQLException {
        AwsCredentialRow aws = rs.getString("role_key") == null ? null : new AwsCredentialRow(rs.getString("fingerprint"),
                rs.getString("role_key"), rs.getString("role_arn"), rs.getString("role_unique_id"), rs.getString("kms_key_arn"),
                json.kmsWrappedKey(rs.getString("kms_wrapped_key")));
        return new ServiceRow(rs.getString("service_id"), Rows.uuid(rs, "account_id"), Rows.uuid(rs, "repo_id"),
                rs.getString("description"), Rows.uuid(rs, "created_by"), Rows.instant(rs, "created_at"), aws);
    }
}
