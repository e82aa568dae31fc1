package io.secrethub.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jdbi.v3.core.Handle;

import io.secrethub.core.crypto.SealedBox;

/** Repos and their members, each member with its copy of the repo index key. */
public final class RepoStore {
    private static final String SELECT_REPO = """
            SELECT r.id, r.namespace_account_id, a.name AS namespace, r.name, r.created_at,
                   (SELECT COUNT(*) FROM nodes n WHERE n.repo_id = r.id AND n.kind = 'secret') AS secret_count
            FROM repos r JOIN accounts a ON a.id = r.namespace_account_id
            """;

    private final Handle handle;
    private final StoredJson json;

    RepoStore(Handle handle, StoredJson json) {
        this.handle = handle;
        this.json = json;
    }

    public void insert(UUID id, UUID namespaceAccountId, String name, Instant createdAt) {
        handle.createUpdate("""
                        INSERT INTO repos (id, namespace_account_id, name, name_lower, created_at)
                        VALUES (:id, :ns, :name, :nameLower, :createdAt)""")
                .bind("id", Rows.id(id))
                .bind("ns", Rows.id(namespaceAccountId))
                .bind("name", name)
                .bind("nameLower", name.toLowerCase(Locale.ROOT))
                .bind("createdAt", Rows.millis(createdAt))
                .execute();
    }

    public void insertMember(UUID repoId, UUID accountId, SealedBox sealedIndexKey, Instant createdAt) {
        handle.createUpdate("""
                        INSERT INTO repo_members (repo_id, account_id, sealed_index_key, created_at)
                        VALUES (:repoId, :accountId, :key, :createdAt)""")
                .bind("repoId", Rows.id(repoId))
                .bind("accountId", Rows.id(accountId))
                .bind("key", json.write(sealedIndexKey))
                .bind("createdAt", Rows.millis(createdAt))
                .execute();
    }

    public boolean idExists(UUID id) {
        return handle.createQuery("SELECT COUNT(*) FROM repos WHERE id = :id")
                .bind("id", Rows.id(id)).mapTo(Integer.class).one() > 0;
    }

    public Optional<RepoRow> findById(UUID id) {
        return handle.createQuery(SELECT_REPO + " WHERE r.id = :id")
                .bind("id", Rows.id(id))
                .map((rs, ctx) -> repo(rs)).findOne();
    }

    /** Repo names are unique per namespace regardless of case. */
    public Optional<RepoRow> find(UUID namespaceAccountId, String name) {
        return handle.createQuery(SELECT_REPO + " WHERE r.namespace_account_id = :ns AND r.name_lower = :name")
                .bind("ns", Rows.id(namespaceAccountId))
                .bind("name", name.toLowerCase(Locale.ROOT))
                .map((rs, ctx) -> repo(rs)).findOne();
    }

    /** Every repo the account is a member of, in any namespace. */
    public List<RepoRow> listForMember(UUID accountId) {
        return handle.createQuery(SELECT_REPO + """
                         JOIN repo_members m ON m.repo_id = r.id
                        WHERE m.account_id = :accountId
                        ORDER BY a.name_lower, r.name_lower""")
                .bind("accountId", Rows.id(accountId))
                .map((rs, ctx) -> repo(rs)).list();
    }

    /** The repos of one namespace that the account is a member of. */
    public List<RepoRow> listForMember(UUID accountId, UUID namespaceAccountId) {
        return handle.createQuery(SELECT_REPO + """
                         JOIN repo_members m ON m.repo_id = r.id
                        WHERE m.account_id = :accountId AND r.namespace_account_id = :ns
                        ORDER BY r.name_lower""")
                .bind("accountId", Rows.id(accountId))
                .bind("ns", Rows.id(namespaceAccountId))
                .map((rs, ctx) -> repo(rs)).list();
    }

    public boolean isMember(UUID repoId, UUID accountId) {
        return memberKey(repoId, accountId).isPresent();
    }

    /** The member's copy of the repo index key; empty if the account is not a member. */
    public Optional<SealedBox> memberKey(UUID repoId, UUID accountId) {
        return handle.createQuery("SELECT sealed_index_key FROM repo_members WHERE repo_id = :repoId AND account_id = :accountId")
                .bind("repoId", Rows.id(repoId))
                .bind("accountId", Rows.id(accountId))
                .mapTo(String.class).findOne()
                .map(json::sealedBox);
    }

    /** Deletes the repo; its members, nodes, names, keys, versions and rules go with it by cascade. */
    public void delete(UUID id) {
        handle.createUpdate("DELETE FROM repos WHERE id = :id").bind("id", Rows.id(id)).execute();
    }

    private static RepoRow repo(ResultSet rs) throws SQLException {
        return new RepoRow(Rows.uuid(rs, "id"), Rows.uuid(rs, "namespace_account_id"), rs.getString("namespace"),
                rs.getString("name"), Rows.instant(rs, "created_at"), rs.getInt("secret_count"));
    }
}
