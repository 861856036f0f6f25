-- WhatsApp message templates (PostgreSQL). One row per (tenant, name, language), as Meta counts
-- templates; payload is the exact body of Meta's create call. session_id has no foreign key: a
-- template outlives the session that produced it.

CREATE TABLE templates (
    id                uuid        PRIMARY KEY,
    tenant_id         uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    session_id        uuid        NULL,
    name              text        NOT NULL,
    language          text        NOT NULL,
    category          text        NULL,
    payload           jsonb       NOT NULL,
    status            text        NOT NULL DEFAULT 'DRAFT',
    meta_template_id  text        NULL,
    rejection_reason  text        NULL,
    last_event_key    text        NULL,
    last_event_at     timestamptz NULL,
    submitted_at      timestamptz NULL,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    CONSTRAINT uq_templates_tenant_name_language UNIQUE (tenant_id, name, language),
    CONSTRAINT uq_templates_tenant_id UNIQUE (tenant_id, id)
);

-- GET /api/v1/templates: a tenant's templates, newest first.
CREATE INDEX ix_templates_tenant_created ON templates (tenant_id, created_at DESC);
-- The status webhook finds a template by Meta's id.
CREATE UNIQUE INDEX ix_templates_tenant_meta ON templates (tenant_id, meta_template_id) WHERE meta_template_id IS NOT NULL;
