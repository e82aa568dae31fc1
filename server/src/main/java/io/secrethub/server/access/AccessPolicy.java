package io.secrethub.server.access;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.secrethub.core.api.ErrorCode;
import io.secrethub.core.api.Permission;
import io.secrethub.server.auth.Caller;
import io.secrethub.server.http.ApiException;
import io.secrethub.server.store.AccountRow;
import io.secrethub.server.store.NodeRow;
import io.secrethub.server.store.RepoRow;
import io.secrethub.server.store.Stores;

/**
 * Who may read and write what. The account named like a repo's namespace owns it and is admin on
 * all of it; any other member's permission on a node is the highest rule on the node's directory or
 * a directory above it. Something the caller cannot read is answered as if it did not exist.
 */
public final class AccessPolicy {
    private AccessPolicy() {}

    /** The permission of an account on a directory or secret (for a secret, its directory counts). */
    public static Permission permissionOn(Stores stores, UUID accountId, NodeRow node) {
        RepoRow repo = stores.repos().findById(node.repoId())
                .orElseThrow(() -> new IllegalStateException("node without repo"));
        if (repo.namespaceAccountId().equals(accountId)) {
            return Permission.ADMIN;
        }
        UUID dirId = node.isDir() ? node.id() : node.parentId();
        return Permission.ofLevel(stores.access().highestRule(dirId, accountId));
    }

    /** The accounts that can read a directory: the ones that names and keys below it are sealed for. */
    public static List<AccountRow> accountsThatCanRead(Stores stores, NodeRow dir) {
        if (!dir.isDir()) {
            throw new IllegalArgumentException("readers are defined for directories");
        }
        RepoRow repo = stores.repos().findById(dir.repoId())
                .orElseThrow(() -> new IllegalStateException("node without repo"));
        Set<UUID> ids = new LinkedHashSet<>();
        ids.add(repo.namespaceAccountId());
        ids.addAll(stores.access().membersWithRuleAtLeast(dir.id(), Permission.READ.level()));
        return stores.accounts().findByIds(ids);
    }

    /** The node, if the caller can read it; otherwise the same 404 as for a node that does not exist. */
    public static NodeRow requireRead(Stores stores, Caller caller, NodeRow node, ErrorCode notFound, String notFoundMessage) {
        if (!permissionOn(stores, caller.accountId(), node).allows(Permission.READ)) {
            throw new ApiException(notFound, notFoundMessage);
        }
        return node;
    }

    /** As {@link #requireRead}, and 403 if the caller can read but not write. */
    public static NodeRow requireWrite(Stores stores, Caller caller, NodeRow node, ErrorCode notFound, String notFoundMessage) {
        Permission permission = permissionOn(stores, caller.accountId(), node);
        if (!permission.allows(Permission.READ)) {
            throw new ApiException(notFound, notFoundMessage);
        }
        if (!permission.allows(Permission.WRITE)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "you can read this but not write to it; ask an admin of the directory for write access");
        }
        return node;
    }
}
