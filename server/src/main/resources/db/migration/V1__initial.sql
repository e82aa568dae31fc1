-- Portable between SQLite and PostgreSQL: TEXT/INTEGER/BIGINT only, ids are UUID text,
-- times are epoch milliseconds, sealed boxes and encrypted values are their compact JSON.

CREATE TABLE accounts (
    id               TEXT PRIMARY KEY,
    name             TEXT NOT NULL,
    name_lower       TEXT NOT NULL UNIQUE,
    account_type     TEXT NOT NULL CHECK (account_type IN ('user', 'service')),
    public_key_suite TEXT NOT NULL,
    public_key       TEXT NOT NULL,
    email            TEXT,
    full_name        TEXT,
    created_at       BIGINT NOT NULL
);

CREATE TABLE credentials (
    fingerprint        TEXT PRIMARY KEY,
    account_id         TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    type               TEXT NOT NULL,
    verifier           TEXT NOT NULL,
    description        TEXT,
    enabled            INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    sealed_account_key TEXT,  -- NULL for an AWS credential: its account key is KMS-encrypted (aws_credentials)
    created_at         BIGINT NOT NULL
);
CREATE INDEX credentials_by_account ON credentials (account_id);

CREATE TABLE repos (
    id                   TEXT PRIMARY KEY,
    namespace_account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name                 TEXT NOT NULL,
    name_lower           TEXT NOT NULL,
    created_at           BIGINT NOT NULL,
    UNIQUE (namespace_account_id, name_lower)
);

CREATE TABLE repo_members (
    repo_id          TEXT NOT NULL REFERENCES repos (id) ON DELETE CASCADE,
    account_id       TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    sealed_index_key TEXT NOT NULL,
    created_at       BIGINT NOT NULL,
    PRIMARY KEY (repo_id, account_id)
);
CREATE INDEX repo_members_by_account ON repo_members (account_id);

-- Directories and secrets share one table, so a blind name can never name both.
-- latest_version and version_count are NULL for directories.
CREATE TABLE nodes (
    id             TEXT PRIMARY KEY,
    repo_id        TEXT NOT NULL REFERENCES repos (id) ON DELETE CASCADE,
    parent_id      TEXT REFERENCES nodes (id) ON DELETE CASCADE,
    kind           TEXT NOT NULL CHECK (kind IN ('dir', 'secret')),
    blind_name     TEXT NOT NULL UNIQUE,
    created_at     BIGINT NOT NULL,
    latest_version INTEGER,
    version_count  INTEGER,
    CHECK ((kind = 'dir' AND latest_version IS NULL AND version_count IS NULL)
        OR (kind = 'secret' AND parent_id IS NOT NULL AND latest_version >= 1 AND version_count >= 1))
);
CREATE INDEX nodes_by_parent ON nodes (parent_id);
CREATE INDEX nodes_by_repo ON nodes (repo_id);

CREATE TABLE node_names (
    node_id     TEXT NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
    account_id  TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    sealed_name TEXT NOT NULL,
    PRIMARY KEY (node_id, account_id)
);

CREATE TABLE secret_keys (
    id         TEXT PRIMARY KEY,
    secret_id  TEXT NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL
);
CREATE INDEX secret_keys_by_secret ON secret_keys (secret_id);

CREATE TABLE secret_key_copies (
    key_id     TEXT NOT NULL REFERENCES secret_keys (id) ON DELETE CASCADE,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    sealed_key TEXT NOT NULL,
    PRIMARY KEY (key_id, account_id)
);

CREATE TABLE secret_versions (
    secret_id       TEXT NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
    version         INTEGER NOT NULL CHECK (version >= 1),
    key_id          TEXT NOT NULL REFERENCES secret_keys (id) ON DELETE CASCADE,
    encrypted_value TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    PRIMARY KEY (secret_id, version)
);
CREATE INDEX secret_versions_by_key ON secret_versions (key_id);

CREATE TABLE access_rules (
    dir_id     TEXT NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    permission INTEGER NOT NULL CHECK (permission BETWEEN 0 AND 3),
    PRIMARY KEY (dir_id, account_id)
);
CREATE INDEX access_rules_by_account ON access_rules (account_id);
