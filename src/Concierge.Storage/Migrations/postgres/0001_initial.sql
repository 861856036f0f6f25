-- Concierge's first schema (PostgreSQL). Every row carries tenant_id; child rows reference
-- (tenant_id, id) pairs so that a row can never point into another tenant's data.

CREATE TABLE tenants (
    id          uuid        PRIMARY KEY,
    tenant_id   uuid        NOT NULL GENERATED ALWAYS AS (id) STORED,
    name        text        NOT NULL,
    created_at  timestamptz NOT NULL
);

CREATE TABLE agents (
    id           uuid             PRIMARY KEY,
    tenant_id    uuid             NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    key          text             NOT NULL,
    name         text             NOT NULL,
    instructions text             NOT NULL,
    skill        text             NOT NULL,
    model        text             NULL,
    temperature  double precision NOT NULL DEFAULT 0.2,
    locale       text             NOT NULL DEFAULT 'en',
    faq          jsonb            NOT NULL DEFAULT '[]',
    is_default   boolean          NOT NULL DEFAULT false,
    created_at   timestamptz      NOT NULL,
    updated_at   timestamptz      NOT NULL,
    CONSTRAINT uq_agents_tenant_key UNIQUE (tenant_id, key),
    CONSTRAINT uq_agents_tenant_id UNIQUE (tenant_id, id)
);

CREATE TABLE sessions (
    id               uuid        PRIMARY KEY,
    tenant_id        uuid        NOT NULL,
    agent_id         uuid        NOT NULL,
    channel          text        NOT NULL,
    customer_id      text        NULL,
    memory           jsonb       NOT NULL DEFAULT '{}',
    draft            jsonb       NULL,
    draft_id         uuid        NULL,
    last_action      text        NULL,
    final_payload    jsonb       NULL,
    message_count    integer     NOT NULL DEFAULT 0,
    model_call_count integer     NOT NULL DEFAULT 0,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    expires_at       timestamptz NULL,
    version          bigint      NOT NULL DEFAULT 0,
    lease_id         uuid        NULL,
    lease_until      timestamptz NULL,
    CONSTRAINT uq_sessions_tenant_id UNIQUE (tenant_id, id),
    CONSTRAINT fk_sessions_agent FOREIGN KEY (tenant_id, agent_id) REFERENCES agents (tenant_id, id)
);

-- A tenant's recent sessions (admin lists, debug views).
CREATE INDEX ix_sessions_tenant_updated ON sessions (tenant_id, updated_at DESC);
-- The cleanup job's scan; customer sessions never expire and stay out of the index.
CREATE INDEX ix_sessions_expires ON sessions (expires_at) WHERE expires_at IS NOT NULL;
-- "The customer's conversation continues" (POST /api/ai/chat).
CREATE INDEX ix_sessions_customer ON sessions (tenant_id, agent_id, customer_id, updated_at DESC) WHERE customer_id IS NOT NULL;

CREATE TABLE messages (
    id          uuid        PRIMARY KEY,
    tenant_id   uuid        NOT NULL,
    session_id  uuid        NOT NULL,
    seq         integer     NOT NULL,
    role        text        NOT NULL CHECK (role IN ('user', 'assistant', 'system', 'tool')),
    content     text        NOT NULL,
    tokens      integer     NULL,
    created_at  timestamptz NOT NULL,
    -- Also the index that reads a session's messages in order.
    CONSTRAINT uq_messages_session_seq UNIQUE (session_id, seq),
    CONSTRAINT fk_messages_session FOREIGN KEY (tenant_id, session_id) REFERENCES sessions (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE model_calls (
    id               uuid          PRIMARY KEY,
    tenant_id        uuid          NOT NULL,
    session_id       uuid          NOT NULL,
    started_at       timestamptz   NOT NULL,
    provider         text          NOT NULL,
    model            text          NOT NULL,
    request_payload  jsonb         NOT NULL,
    response_payload jsonb         NULL,
    latency_ms       bigint        NOT NULL,
    input_tokens     integer       NULL,
    output_tokens    integer       NULL,
    cost             numeric(18,8) NULL,
    outcome          text          NOT NULL,
    error            text          NULL,
    CONSTRAINT fk_model_calls_session FOREIGN KEY (tenant_id, session_id) REFERENCES sessions (tenant_id, id) ON DELETE CASCADE
);

CREATE INDEX ix_model_calls_session ON model_calls (session_id, started_at);
-- Cost per tenant per day.
CREATE INDEX ix_model_calls_tenant_started ON model_calls (tenant_id, started_at);

CREATE TABLE events (
    id          uuid        PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    session_id  uuid        NULL,
    name        text        NOT NULL,
    data        jsonb       NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL,
    CONSTRAINT fk_events_session FOREIGN KEY (tenant_id, session_id) REFERENCES sessions (tenant_id, id) ON DELETE CASCADE
);

-- Summaries and funnels: a tenant's events by name over time.
CREATE INDEX ix_events_tenant_name_created ON events (tenant_id, name, created_at);
CREATE INDEX ix_events_session ON events (session_id) WHERE session_id IS NOT NULL;
