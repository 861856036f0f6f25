-- Accounts (SQLite): tenants get a unique slug; users sign in with a password hash; API keys are
-- kept as the SHA-256 of their secret. Agents' settings carry a public key (unique across the
-- deployment: it is how an anonymous call finds its tenant) and expose_debug.

ALTER TABLE tenants ADD COLUMN slug TEXT NULL;
UPDATE tenants SET slug = CASE WHEN id = '00000000-0000-7000-8000-000000000001' THEN 'demo' ELSE 'tenant-' || substr(id, 1, 8) || substr(id, 10, 4) END;
CREATE UNIQUE INDEX ux_tenants_slug ON tenants (slug);

UPDATE agents SET settings = json_set(settings, '$.public_key', 'pk_demo', '$.expose_debug', json('true'))
 WHERE id = '00000000-0000-7000-8000-000000000101';
UPDATE agents SET settings = json_set(settings, '$.public_key', 'pk_demo_assistant', '$.expose_debug', json('true'))
 WHERE id = '00000000-0000-7000-8000-000000000102';
CREATE UNIQUE INDEX ux_agents_public_key ON agents (json_extract(settings, '$.public_key'));

CREATE TABLE users (
    id            TEXT NOT NULL PRIMARY KEY,
    tenant_id     TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    username      TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('admin', 'operator', 'customer')),
    created_at    TEXT NOT NULL,
    CONSTRAINT uq_users_username UNIQUE (username)
);

CREATE INDEX ix_users_tenant ON users (tenant_id, username);

CREATE TABLE api_keys (
    id           TEXT NOT NULL PRIMARY KEY,
    tenant_id    TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    role         TEXT NOT NULL CHECK (role IN ('admin', 'operator', 'customer')),
    secret_hash  TEXT NOT NULL,
    hint         TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    last_used_at TEXT NULL,
    revoked_at   TEXT NULL,
    CONSTRAINT uq_api_keys_secret_hash UNIQUE (secret_hash)
);

CREATE INDEX ix_api_keys_tenant ON api_keys (tenant_id, created_at);
