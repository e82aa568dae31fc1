package io.secrethub.server.store;

import java.util.List;
import java.util.UUID;

import org.jdbi.v3.core.Handle;

/**
 * Access rules: a permission level (0 none, 1 read, 2 write, 3 admin) per account on a directory,
 * inherited by everything below it. Only rules of the repo's members count.
 */
public final class AccessStore {
    private static final String ANCESTORS = """
            WITH RECURSIVE ancestors (id, parent_id) AS (
                SELECT id, parent_id FROM nodes WHERE id = :dirId
                UNION ALL
                SELECT p.id, p.parent_id FROM nodes p JOIN ancestors a ON p.id = a.parent_id
            )
            """;

    private final Handle handle;

    AccessStore(Handle handle) {
        this.handle = handle;
    }

    /** The highest rule the account (if a member) has on the directory or any directory above it; 0 if none. */
    public int highestRule(UUID dirId, UUID accountId) {
        return handle.createQuery(ANCESTORS + """
                        SELECT COALESCE(MAX(r.permission), 0)
                        FROM access_rules r
                        JOIN ancestors a ON a.id = r.dir_id
                        JOIN nodes d ON d.id = r.dir_id
                        JOIN repo_members m ON m.repo_id = d.repo_id AND m.account_id = r.account_id
                        WHERE r.account_id = :accountId""")
                .bind("dirId", Rows.id(dirId))
                .bind("accountId", Rows.id(accountId))
                .mapTo(Integer.class).one();
    }

    /** The members with a rule of at least {@code permission} on the directory or a directory above it. */
    public List<UUID> membersWithRuleAtLeast(UUID dirId, int permission) {
        return handle.createQuery(ANCESTORS + """
                        SELECT DISTINCT r.account_id
                        FROM access_rules r
                        JOIN ancestors a ON a.id = r.dir_id
                        JOIN nodes d ON d.id = r.dir_id
                        JOIN repo_members m ON m.repo_id = d.repo_id AND m.account_id = r.account_id
                        WHERE r.permission >= :permission""")
                .bind("dirId", Rows.id(dirId))
                .bind("permission", permission)
                .mapTo(String.class).list()
                .stream().map(UUID::fromString).toList();
    }

    public void insertRule(UUID dirId, UUID accountId, int permission) {
        handle.createUpdate("INSERT INTO access_rules (dir_id, account_id, permission) VALUES (:dirId, :accountId, :permission)")
                .bind("dirId", Rows.id(dirId))
                .bind("accountId", Rows.id(accountId))
                .bind("permission", permission)
                .execute();
    }
}
