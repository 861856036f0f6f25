-- Concierge's first schema (SQLite). Same tables as PostgreSQL's 0001. Guids are TEXT in their
-- 36-character form; timestamps are TEXT 'yyyy-MM-ddTHH:mm:ss.ffffffZ' (UTC, microseconds),
-- which compares and sorts in time order; JSON is TEXT. Every row carries tenant_id; child rows
-- reference (tenant_id, id) pairs so that a row can never point into another tenant's data.

CREATE TABLE tenants (
    id          TEXT NOT NULL PRIMARY KEY,
    tenant_id   TEXT NOT NULL GENERATED ALWAYS AS (id) VIRTUAL,
    name        TEXT NOT NULL,
    created_at  TEXT NOT NULL
);

CREATE TABLE agents (
    id           TEXT    NOT NULL PRIMARY KEY,
    tenant_id    TEXT    NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    key          TEXT    NOT NULL,
    name         TEXT    NOT NULL,
    instructions TEXT    NOT NULL,
    skill        TEXT    NOT NULL,
    model        TEXT    NULL,
    temperature  REAL    NOT NULL DEFAULT 0.2,
    locale       TEXT    NOT NULL DEFAULT 'en',
    faq          TEXT    NOT NULL DEFAULT '[]',
    is_default   INTEGER NOT NULL DEFAULT 0,
    created_at   TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL,
    CONSTRAINT uq_agents_tenant_key UNIQUE (tenant_id, key),
    CONSTRAINT uq_agents_tenant_id UNIQUE (tenant_id, id)
);

CREATE TABLE sessions (
    id               TEXT    NOT NULL PRIMARY KEY,
    tenant_id        TEXT    NOT NULL,
    agent_id         TEXT    NOT NULL,
    channel          TEXT    NOT NULL,
    customer_id      TEXT    NULL,
    memory           TEXT    NOT NULL DEFAULT '{}',
    draft            TEXT    NULL,
    draft_id         TEXT    NULL,
    last_action      TEXT    NULL,
    final_payload    TEXT    NULL,
    message_count    INTEGER NOT NULL DEFAULT 0,
    model_call_count INTEGER NOT NULL DEFAULT 0,
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL,
    expires_at       TEXT    NULL,
    version          INTEGER NOT NULL DEFAULT 0,
    lease_id         TEXT    NULL,
    lease_until      TEXT    NULL,
    CONSTRAINT uq_sessions_tenant_id UNIQUE (tenant_id, id),
    CONSTRAINT fk_sessions_agent FOREIGN KEY (tenant_id, agent_id) REFERENCES agents (tenant_id, id)
);

CREATE INDEX ix_sessions_tenant_updated ON sessions (tenant_id, updated_at DESC);
CREATE INDEX ix_sessions_expires ON sessions (expires_at) WHERE expires_at IS NOT NULL;
CREATE INDEX ix_sessions_customer ON sessions (tenant_id, agent_id, customer_id, updated_at DESC) WHERE customer_id IS NOT NULL;

CREATE TABLE messages (
    id          TEXT    NOT NULL PRIMARY KEY,
    tenant_id   TEXT    NOT NULL,
    session_id  TEXT    NOT NULL,
    seq         INTEGER NOT NULL,
    role        TEXT    NOT NULL CHECK (role IN ('user', 'assistant', 'system', 'tool')),
    content     TEXT    NOT NULL,
    tokens      INTEGER NULL,
    created_at  TEXT    NOT NULL,
    CONSTRAINT uq_messages_session_seq UNIQUE (session_id, seq),
    CONSTRAINT fk_messages_session FOREIGN KEY (tenant_id, session_id) REFERENCES sessions (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE model_calls (
    id               TEXT    NOT NULL PRIMARY KEY,
    tenant_id        TEXT    NOT NULL,
    session_id       TEXT    NOT NULL,
    started_at       TEXT    NOT NULL,
    provider         TEXT    NOT NULL,
    model            TEXT    NOT NULL,
    request_payload  TEXT    NOT NULL,
    response_payload TEXT    NULL,
    latency_ms       INTEGER NOT NULL,
    input_tokens     INTEGER NULL,
    output_tokens    INTEGER NULL,
    cost             REAL    NULL,
    outcome          TEXT    NOT NULL,
    error            TEXT    NULL,
    CONSTRAINT fk_model_calls_session FOREIGN KEY (tenant_id, session_id) REFERENCES sessions (tenant_id, id) ON DELETE CASCADE
);

CREATE INDEX ix_model_calls_session ON model_calls (session_id, started_at);
CREATE INDEX ix_model_calls_tenant_started ON model_calls (tenant_id, started_at);

CREATE TABLE events (
    id          TEXT NOT NULL PRIMARY KEY,
    tenant_id   TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    session_id  TEXT NULL,
    name        TEXT NOT NULL,
    data        TEXT NOT NULL DEFAULT '{}',
    created_at  TEXT NOT NULL,
    CONSTRAINT fk_events_session FOREIGN KEY (tenant_id, session_id) REFERENCES sessions (tenant_id, id) ON DELETE CASCADE
);

CREATE INDEX ix_events_tenant_name_created ON events (tenant_id, name, created_at);
CREATE INDEX ix_events_session ON events (session_id) WHERE session_id IS NOT NULL;
