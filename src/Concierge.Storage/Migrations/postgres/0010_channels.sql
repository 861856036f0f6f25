-- Channels (PostgreSQL): WhatsApp Cloud API and Twilio accounts per tenant, inbound messages
-- deduplicated by their channel id, the customer's last message per business number (the 24-hour
-- window), outbound deliveries with their state, and the Data Protection key ring. Same tables as
-- SQLite's 0010; see docs/channels.md.

-- secrets: the access token, app secret, verify token (or Twilio auth token) as one JSON document,
-- encrypted with ASP.NET Core Data Protection; never returned by the API.
CREATE TABLE channel_accounts (
    id                uuid        PRIMARY KEY,
    tenant_id         uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    provider          text        NOT NULL CHECK (provider IN ('whatsapp', 'twilio')),
    address           text        NOT NULL,
    label             text        NULL,
    waba_id           text        NULL,
    account_sid       text        NULL,
    agent_key         text        NULL,
    template_name     text        NULL,
    template_language text        NULL,
    secrets           text        NOT NULL,
    created_at        timestamptz NOT NULL,
    -- A business number belongs to one tenant: it is how an inbound message finds its tenant.
    CONSTRAINT uq_channel_accounts_address UNIQUE (provider, address)
);

CREATE INDEX ix_channel_accounts_tenant ON channel_accounts (tenant_id, created_at);

-- One row per inbound message id (wamid, MessageSid, or its SHA-256 when very long): the primary
-- key is the deduplication, so two deliveries at the same moment on two processes make one turn.
CREATE TABLE channel_inbound (
    provider      text        NOT NULL,
    external_key  text        NOT NULL,
    tenant_id     uuid        NOT NULL,
    account_id    uuid        NOT NULL,
    session_id    uuid        NULL,
    state         text        NOT NULL,
    reply_text    text        NULL,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (provider, external_key)
);

CREATE INDEX ix_channel_inbound_created ON channel_inbound (created_at);

-- The customer's conversation with one business number: its session and when they last wrote.
CREATE TABLE channel_contacts (
    account_id       uuid        NOT NULL,
    customer         text        NOT NULL,
    tenant_id        uuid        NOT NULL,
    session_id       uuid        NOT NULL,
    last_inbound_at  timestamptz NOT NULL,
    PRIMARY KEY (account_id, customer)
);

CREATE INDEX ix_channel_contacts_session ON channel_contacts (tenant_id, session_id);

-- Each outbound message and what became of it (delivery: queued, sent, delivered, read, failed, held).
CREATE TABLE channel_deliveries (
    id            uuid        PRIMARY KEY,
    tenant_id     uuid        NOT NULL,
    session_id    uuid        NOT NULL,
    message_id    uuid        NULL,
    account_id    uuid        NOT NULL,
    provider      text        NOT NULL,
    recipient     text        NOT NULL,
    body          text        NOT NULL,
    choices       text        NULL,
    kind          text        NOT NULL,
    delivery      text        NOT NULL,
    external_id   text        NULL,
    error_code    integer     NULL,
    error_detail  text        NULL,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    CONSTRAINT fk_channel_deliveries_session FOREIGN KEY (tenant_id, session_id) REFERENCES sessions (tenant_id, id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX ux_channel_deliveries_external ON channel_deliveries (provider, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX ix_channel_deliveries_session ON channel_deliveries (tenant_id, session_id, created_at);

-- ASP.NET Core Data Protection's key ring, shared by every instance (each key's XML encrypted
-- with a key derived from SECRET_KEY).
CREATE TABLE data_protection_keys (
    name        text        PRIMARY KEY,
    xml         text        NOT NULL,
    created_at  timestamptz NOT NULL
);
