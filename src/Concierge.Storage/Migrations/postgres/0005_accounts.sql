-- Accounts (PostgreSQL): tenants get a unique slug; users sign in with a password hash; API keys
-- are kept as the SHA-256 of their secret. Agents' settings carry a public key (unique across the
-- deployment: it is how an anonymous call finds its tenant) and expose_debug.

ALTER TABLE tenants ADD COLUMN slug text NULL;
UPDATE tenants SET slug = CASE WHEN id = '00000000-0000-7000-8000-000000000001' THEN 'demo' ELSE 'tenant-' || replace(substr(id::text, 1, 13), '-', '') END;
ALTER TABLE tenants ALTER COLUMN slug SET NOT NULL;
CREATE UNIQUE INDEX ux_tenants_slug ON tenants (slug);

UPDATE agents SET settings = settings || '{"public_key": "pk_demo", "expose_debug": true}'::jsonb
 WHERE id = '00000000-0000-7000-8000-000000000101';
UPDATE agents SET settings = settings || '{"public_key": "pk_demo_assistant", "expose_debug": true}'::jsonb
 WHERE id = '00000000-0000-7000-8000-000000000102';
CREATE UNIQUE INDEX ux_agents_public_key ON agents ((settings ->> 'public_key'));

CREATE TABLE users (
    id            uuid        PRIMARY KEY,
    tenant_id     uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    username      text        NOT NULL,
    password_hash text        NOT NULL,
    role          text        NOT NULL CHECK (role IN ('admin', 'operator', 'customer')),
    created_at    timestamptz NOT NULL,
    CONSTRAINT uq_users_username UNIQUE (username)
);

CREATE INDEX ix_users_tenant ON users (tenant_id, username);

CREATE TABLE api_keys (
    id           uuid        PRIMARY KEY,
    tenant_id    uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name         text        NOT NULL,
    role         text        NOT NULL CHECK (role IN ('admin', 'operator', 'customer')),
    secret_hash  text        NOT NULL,
    hint         text        NOT NULL,
    created_at   timestamptz NOT NULL,
    last_used_at timestamptz NULL,
    revoked_at   timestamptz NULL,
    CONSTRAINT uq_api_keys_secret_hash UNIQUE (secret_hash)
);

CREATE INDEX ix_api_keys_tenant ON api_keys (tenant_id, created_at);
