package io.secrethub.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jdbi.v3.core.Handle;

import io.secrethub.core.crypto.SealedBox;

/** Directories and secrets as nodes of a repo's tree, and their names sealed per account. */
public final class NodeStore {
    private static final String NODE_COLUMNS =
            "n.id, n.repo_id, n.parent_id, n.kind, n.blind_name, n.created_at, n.latest_version, n.version_count";

    private final Handle handle;
    private final StoredJson json;

    NodeStore(Handle handle, StoredJson json) {
        this.handle = handle;
        this.json = json;
    }

    /** @param parentId null for a repo's root directory */
    public void insertDir(UUID id, UUID repoId, UUID parentId, String blindName, Instant createdAt) {
        insert(id, repoId, parentId, NodeRow.DIR, blindName, createdAt, null);
    }

    /** A new secret starts at version 1, which the caller inserts in the same transaction. */
    public void insertSecret(UUID id, UUID repoId, UUID parentId, String blindName, Instant createdAt) {
        insert(id, repoId, parentId, NodeRow.SECRET, blindName, createdAt, 1);
    }

    private void insert(UUID id, UUID repoId, UUID parentId, String kind, String blindName, Instant createdAt,
                        Integer versions) {
        handle.createUpdate("""
                        INSERT INTO nodes (id, repo_id, parent_id, kind, blind_name, created_at, latest_version, version_count)
                        VALUES (:id, :repoId, :parentId, :kind, :blindName, :createdAt, :versions, :versions)""")
                .bind("id", Rows.id(id))
                .bind("repoId", Rows.id(repoId))
                .bind("parentId", Rows.id(parentId))
                .bind("kind", kind)
                .bind("blindName", blindName)
                .bind("createdAt", Rows.millis(createdAt))
                .bind("versions", versions)
                .execute();
    }

    public void insertName(UUID nodeId, UUID accountId, SealedBox sealedName) {
        handle.createUpdate("INSERT INTO node_names (node_id, account_id, sealed_name) VALUES (:nodeId, :accountId, :name)")
                .bind("nodeId", Rows.id(nodeId))
                .bind("accountId", Rows.id(accountId))
                .bind("name", json.write(sealedName))
                .execute();
    }

    public boolean idExists(UUID id) {
        return handle.createQuery("SELECT COUNT(*) FROM nodes WHERE id = :id")
                .bind("id", Rows.id(id)).mapTo(Integer.class).one() > 0;
    }

    public Optional<NodeRow> findById(UUID id) {
        return handle.createQuery("SELECT " + NODE_COLUMNS + " FROM nodes n WHERE n.id = :id")
                .bind("id", Rows.id(id))
                .map((rs, ctx) -> node(rs)).findOne();
    }

    /** Blind names are unique across all repos, so a blind name alone finds a node. */
    public Optional<NodeRow> findByBlindName(String blindName) {
        return handle.createQuery("SELECT " + NODE_COLUMNS + " FROM nodes n WHERE n.blind_name = :blindName")
                .bind("blindName", blindName)
                .map((rs, ctx) -> node(rs)).findOne();
    }

    public Optional<NodeRow> rootDirOf(UUID repoId) {
        return handle.createQuery("SELECT " + NODE_COLUMNS + " FROM nodes n WHERE n.repo_id = :repoId AND n.parent_id IS NULL")
                .bind("repoId", Rows.id(repoId))
                .map((rs, ctx) -> node(rs)).findOne();
    }

    /** The node's name sealed to the account, if one was. */
    public Optional<SealedBox> nameFor(UUID nodeId, UUID accountId) {
        return handle.createQuery("SELECT sealed_name FROM node_names WHERE node_id = :nodeId AND account_id = :accountId")
                .bind("nodeId", Rows.id(nodeId))
                .bind("accountId", Rows.id(accountId))
                .mapTo(String.class).findOne()
                .map(json::sealedBox);
    }

    /**
     * The directory and everything below it down to {@code maxDepth} (the directory is depth 0,
     * its children depth 1; negative means no limit), each with its name sealed to {@code accountId}.
     */
    public List<TreeEntry> subtree(UUID dirId, int maxDepth, UUID accountId) {
        return handle.createQuery("""
                        WITH RECURSIVE sub (id, depth) AS (
                            SELECT id, 0 FROM nodes WHERE id = :dirId
                            UNION ALL
                            SELECT c.id, s.depth + 1
                            FROM nodes c JOIN sub s ON c.parent_id = s.id
                            WHERE :maxDepth < 0 OR s.depth + 1 <= :maxDepth
                        )
                        SELECT %s, s.depth, nn.sealed_name
                        FROM sub s
                        JOIN nodes n ON n.id = s.id
                        LEFT JOIN node_names nn ON nn.node_id = n.id AND nn.account_id = :accountId
                        ORDER BY s.depth, n.kind, n.blind_name""".formatted(NODE_COLUMNS))
                .bind("dirId", Rows.id(dirId))
                .bind("maxDepth", maxDepth)
                .bind("accountId", Rows.id(accountId))
                .map((rs, ctx) -> new TreeEntry(node(rs), rs.getInt("depth"), json.sealedBox(rs.getString("sealed_name"))))
                .list();
    }

    /**
     * Deletes the node and every node below it in one statement. Names, keys, versions and rules go
     * with their nodes by cascade.
     */
    public void deleteSubtree(UUID nodeId) {
        handle.createUpdate("""
                        DELETE FROM nodes WHERE id IN (
                            WITH RECURSIVE sub (id) AS (
                                SELECT id FROM nodes WHERE id = :nodeId
                                UNION ALL
                                SELECT c.id FROM nodes c JOIN sub s ON c.parent_id = s.id
                            )
                            SELECT id FROM sub
                        )""")
                .bind("nodeId", Rows.id(nodeId))
                .execute();
    }

    static NodeRow node(ResultSet rs) throws SQLException {
        return new NodeRow(Rows.uuid(rs, "id"), Rows.uuid(rs, "repo_id"), Rows.uuid(rs, "parent_id"), rs.getString("kind"),
                rs.getString("blind_name"), Rows.instant(rs, "created_at"), rs.getInt("latest_version"),
                rs.getInt("version_count"));
    }
}
