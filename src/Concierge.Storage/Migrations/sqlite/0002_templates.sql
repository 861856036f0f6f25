-- WhatsApp message templates (SQLite). Same table as PostgreSQL's 0002. One row per
-- (tenant, name, language), as Meta counts templates; payload is the exact body of Meta's create
-- call. session_id has no foreign key: a template outlives the session that produced it.

CREATE TABLE templates (
    id                TEXT NOT NULL PRIMARY KEY,
    tenant_id         TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    session_id        TEXT NULL,
    name              TEXT NOT NULL,
    language          TEXT NOT NULL,
    category          TEXT NULL,
    payload           TEXT NOT NULL,
    status            TEXT NOT NULL DEFAULT 'DRAFT',
    meta_template_id  TEXT NULL,
    rejection_reason  TEXT NULL,
    last_event_key    TEXT NULL,
    last_event_at     TEXT NULL,
    submitted_at      TEXT NULL,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    CONSTRAINT uq_templates_tenant_name_language UNIQUE (tenant_id, name, language),
    CONSTRAINT uq_templates_tenant_id UNIQUE (tenant_id, id)
);

CREATE INDEX ix_templates_tenant_created ON templates (tenant_id, created_at DESC);
CREATE UNIQUE INDEX ix_templates_tenant_meta ON templates (tenant_id, meta_template_id) WHERE meta_template_id IS NOT NULL;
