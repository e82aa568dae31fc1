-- Service accounts belong to one repo; their account row has account_type 'service' and the
-- service id as its name.
CREATE TABLE services (
    service_id  TEXT PRIMARY KEY,
    account_id  TEXT NOT NULL UNIQUE REFERENCES accounts (id) ON DELETE CASCADE,
    repo_id     TEXT NOT NULL REFERENCES repos (id) ON DELETE CASCADE,
    description TEXT NOT NULL,
    created_by  TEXT NOT NULL REFERENCES accounts (id),
    created_at  BIGINT NOT NULL
);
CREATE INDEX services_by_repo ON services (repo_id);

-- An AWS credential: the role it is bound to (one service account per role), the role's unique id
-- once known, and the account key encrypted under the customer's KMS key.
CREATE TABLE aws_credentials (
    fingerprint     TEXT PRIMARY KEY REFERENCES credentials (fingerprint) ON DELETE CASCADE,
    role_key        TEXT NOT NULL UNIQUE,
    role_arn        TEXT NOT NULL,
    role_unique_id  TEXT,
    kms_key_arn     TEXT NOT NULL,
    kms_wrapped_key TEXT NOT NULL
);
