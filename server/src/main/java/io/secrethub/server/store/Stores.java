package io.secrethub.server.store;

import org.jdbi.v3.core.Handle;

/** The stores of every feature, bound to one database handle (and so to one transaction when writing). */
public final class Stores {
    private final AccountStore accounts;
    private final RepoStore repos;
    private final NodeStore nodes;
    private final SecretStore secrets;
    private final AccessStore access;
    private final ServiceStore services;

    Stores(Handle handle, StoredJson json) {
        this.accounts = new AccountStore(handle, json);
        this.repos = new RepoStore(handle, json);
        this.nodes = new NodeStore(handle, json);
        this.secrets = new SecretStore(handle, json);
        this.access = new AccessStore(handle);
        this.services = new ServiceStore(handle, json);
    }

    public AccountStore accounts() {
        return accounts;
    }

    public RepoStore repos() {
        return repos;
    }

    public NodeStore nodes() {
        return nodes;
    }

    public SecretStore secrets() {
        return secrets;
    }

    public AccessStore access() {
        return access;
    }

    public ServiceStore services() {
        return services;
    }
}
