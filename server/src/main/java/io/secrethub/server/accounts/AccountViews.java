package io.secrethub.server.accounts;

import java.util.Map;

import io.secrethub.core.api.AccountApi;
import io.secrethub.server.store.AccountRow;
import io.secrethub.server.store.CredentialRow;

/** How accounts and credentials appear on the wire. */
public final class AccountViews {
    private AccountViews() {}

    /** The account as its owner sees it, with email and full name. */
    public static AccountApi.Account account(AccountRow row) {
        return new AccountApi.Account(row.id(), row.name(), row.accountType(), publicKey(row), row.email(),
                row.fullName(), row.createdAt());
    }

    /** What anyone may see of an account: enough to seal something to it. */
    public static AccountApi.AccountPublicKey publicKeyOf(AccountRow row) {
        return new AccountApi.AccountPublicKey(row.id(), row.name(), publicKey(row));
    }

    public static AccountApi.Credential credential(CredentialRow row) {
        return new AccountApi.Credential(row.fingerprint(), row.type(), row.description(), row.enabled(),
                row.createdAt(), Map.of());
    }

    private static AccountApi.PublicKey publicKey(AccountRow row) {
        return new AccountApi.PublicKey(row.publicKeySuite(), row.publicKey());
    }
}
