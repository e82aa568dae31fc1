package io.secrethub.server.access;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.secrethub.core.api.ErrorCode;
import io.secrethub.core.api.TreeApi;
import io.secrethub.server.http.ApiException;
import io.secrethub.server.store.AccountRow;

/**
 * Names and keys of a new node must be sealed for exactly the accounts that can read its directory,
 * each once: a missing copy would lock a reader out, an extra one would hand a name or key to
 * someone who may not read it.
 */
public final class ReaderCoverage {
    private ReaderCoverage() {}

    public static void requireExactly(List<TreeApi.SealedForAccount> sealed, List<AccountRow> readers, String field) {
        Set<UUID> expected = new HashSet<>();
        readers.forEach(r -> expected.add(r.id()));
        Set<UUID> given = new HashSet<>();
        int duplicates = 0;
        for (TreeApi.SealedForAccount entry : sealed) {
            if (!given.add(entry.accountId())) {
                duplicates++;
            }
        }
        Set<UUID> missing = new HashSet<>(expected);
        missing.removeAll(given);
        Set<UUID> extra = new HashSet<>(given);
        extra.removeAll(expected);
        if (duplicates > 0 || !missing.isEmpty() || !extra.isEmpty()) {
            throw new ApiException(ErrorCode.NOT_ENCRYPTED_FOR_ACCOUNTS, "'" + field
                    + "' must hold one entry for each of the " + expected.size()
                    + " accounts that can read the directory (missing " + missing.size() + ", not allowed "
                    + extra.size() + ", repeated " + duplicates + "); fetch them from GET /v1/dirs/{blind_name}/accounts and try again");
        }
    }
}
