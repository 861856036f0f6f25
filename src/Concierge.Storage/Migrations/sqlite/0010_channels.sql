-- Channels (SQLite): WhatsApp Cloud API and Twilio accounts per tenant, inbound messages
-- deduplicated by their channel id, the customer's last message per business number (the 24-hour
-- window), outbound deliveries with their state, and the Data Protection key ring. Same tables as
-- PostgreSQL's 0010; see docs/channels.md.

-- secrets: the access token, app secret, verify token (or Twilio auth token) as one JSON document,
-- encrypted with ASP.NET Core Data Protection; never returned by the API.
CREATE TABLE channel_accounts (
    id                TEXT        PRIMARY KEY,
    tenant_id         TEXT        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    provider          TEXT        NOT NULL CHECK (provider IN ('whatsapp', 'twilio')),
    address           TEXT        NOT NULL,
    label             TEXT        NULL,
    waba_id           TEXT        NULL,
    account_sid       TEXT        NULL,
    agent_key         TEXT        NULL,
    template_name     TEXT        NULL,
    template_language TEXT        NULL,
    secrets           TEXT        NOT NULL,
    created_at        TEXT        NOT NULL,
    -- A business number belongs to one tenant: it is how an inbound message finds its tenant.
    CONSTRAINT uq_channel_accounts_address UNIQUE (provider, address)
);

CREATE INDEX ix_channel_accounts_tenant ON channel_accounts (tenant_id, created_at);

-- One row per inbound message id (wamid, MessageSid, or its SHA-256 when very long): the primary
-- key is the deduplication, so two deliveries at the same moment on two processes make one turn.
CREATE TABLE channel_inbound (
    provider      TEXT        NOT NULL,
    external_key  TEXT        NOT NULL,
    tenant_id     TEXT        NOT NULL,
    account_id    TEXT        NOT NULL,
    session_id    TEXT        NULL,
    state         TEXT        NOT NULL,
    reply_text    TEXT        NULL,
    created_at    TEXT        NOT NULL,
    updated_at    TEXT        NOT NULL,
    PRIMARY KEY (provider, external_key)
);

CREATE INDEX ix_channel_inbound_created ON channel_inbound (created_at);

-- The customer's conversation with one business number: its session and when they last wrote.
CREATE TABLE channel_contacts (
    account_id       TEXT        NOT NULL,
    customer         TEXT        NOT NULL,
    tenant_id        TEXT        NOT NULL,
    session_id       TEXT        NOT NULL,
    last_inbound_at  TEXT        NOT NULL,
    PRIMARY KEY (account_id, customer)
);

CREATE INDEX ix_channel_contacts_session ON channel_contacts (tenant_id, session_id);

-- Each outbound message and what became of it (delivery: queued, sent, delivered, read, failed, held).
CREATE TABLE channel_deliveries (
    id            TEXT        PRIMARY KEY,
    tenant_id     TEXT        NOT NULL,
    session_id    TEXT        NOT NULL,
    message_id    TEXT        NULL,
    account_id    TEXT        NOT NULL,
    provider      TEXT        NOT NULL,
    recipient     TEXT        NOT NULL,
    body          TEXT        NOT NULL,
    choices       TEXT        NULL,
    kind          TEXT        NOT NULL,
    delivery      TEXT        NOT NULL,
    external_id   TEXT        NULL,
    error_code    INTEGER     NULL,
    error_detail  TEXT        NULL,
    created_at    TEXT        NOT NULL,
    updated_at    TEXT        NOT NULL,
    CONSTRAINT fk_channel_deliveries_session FOREIGN KEY (tenant_id, session_id) REFERENCES sessions (tenant_id, id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX ux_channel_deliveries_external ON channel_deliveries (provider, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX ix_channel_deliveries_session ON channel_deliveries (tenant_id, session_id, created_at);

-- ASP.NET Core Data Protection's key ring, shared by every instance (each key's XML encrypted
-- with a key derived from SECRET_KEY).
CREATE TABLE data_protection_keys (
    name        TEXT        PRIMARY KEY,
    xml         TEXT        NOT NULL,
    created_at  TEXT        NOT NULL
);
