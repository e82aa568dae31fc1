package io.secrethub.server.tree;

import java.util.UUID;

import io.secrethub.core.api.ErrorCode;
import io.secrethub.core.crypto.RepoIndexKey;
import io.secrethub.core.path.InvalidPathException;
import io.secrethub.server.access.AccessPolicy;
import io.secrethub.core.api.Permission;
import io.secrethub.server.auth.Caller;
import io.secrethub.server.http.ApiException;
import io.secrethub.server.http.RequestFields;
import io.secrethub.server.store.NodeRow;
import io.secrethub.server.store.Stores;

/**
 * Finds a directory or secret by the blind name in a path, as the caller may see it: a node of the
 * other kind, or one the caller cannot read, is answered exactly like a node that does not exist.
 */
public final class NodeLookup {
    public static final String DIR_NOT_FOUND = "there is no such directory, or you cannot read it";
    public static final String SECRET_NOT_FOUND = "there is no such secret, or you cannot read it";

    private NodeLookup() {}

    public static NodeRow dir(Stores stores, Caller caller, String blindName, Permission needed) {
        return find(stores, caller, blindName, needed, NodeRow.DIR, ErrorCode.DIR_NOT_FOUND, DIR_NOT_FOUND);
    }

    public static NodeRow secret(Stores stores, Caller caller, String blindName, Permission needed) {
        return find(stores, caller, blindName, needed, NodeRow.SECRET, ErrorCode.SECRET_NOT_FOUND, SECRET_NOT_FOUND);
    }

    /** A blind name taken from a URL path. */
    public static String requireBlindName(String blindName) {
        if (blindName == null || !RepoIndexKey.BLIND_NAME.matcher(blindName).matches()) {
            throw new InvalidPathException("a blind name in a path must be 43 characters of unpadded base64url");
        }
        return blindName;
    }

    /**
     * A new directory or secret needs a blind name no node uses (a directory and a secret can never
     * share one) and an id of its own.
     */
    public static void requireUnused(Stores stores, String blindName, UUID id, String idField) {
        stores.nodes().findByBlindName(blindName).ifPresent(existing -> {
            throw existing.isDir()
                    ? new ApiException(ErrorCode.DIR_ALREADY_EXISTS, "a directory with this name already exists")
                    : new ApiException(ErrorCode.SECRET_ALREADY_EXISTS, "a secret with this name already exists");
        });
        if (stores.nodes().idExists(id)) {
            throw RequestFields.invalid(idField, "is already in use; generate a new random id");
        }
    }

    private static NodeRow find(Stores stores, Caller caller, String blindName, Permission needed, String kind,
                                ErrorCode notFound, String message) {
        requireBlindName(blindName);
        NodeRow node = stores.nodes().findByBlindName(blindName)
                .filter(n -> n.kind().equals(kind))
                .orElseThrow(() -> new ApiException(notFound, message));
        return needed.allows(Permission.WRITE)
                ? AccessPolicy.requireWrite(stores, caller, node, notFound, message)
                : AccessPolicy.requireRead(stores, caller, node, notFound, message);
    }
}
