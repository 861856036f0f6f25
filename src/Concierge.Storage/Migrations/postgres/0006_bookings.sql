-- Bookings (PostgreSQL). Same tables as SQLite's 0006. A tenant's booking policy, its services
-- (hours as JSON: the week and its exceptions), and the bookings. Capacity is not a constraint
-- the schema can state (a booking holds its units for the service's duration, so the check is a
-- peak over overlapping rows); the store checks it inside the write transaction, which a per-service
-- advisory lock (pg_advisory_xact_lock) makes the only one running for that service.

CREATE TABLE booking_policies (
    tenant_id       uuid        PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
    time_zone       text    NOT NULL,
    slot_minutes    integer NOT NULL,
    lead_minutes    integer NOT NULL,
    horizon_days    integer NOT NULL,
    updated_at      timestamptz NOT NULL
);

CREATE TABLE services (
    id                uuid        PRIMARY KEY,
    tenant_id         uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    key               text    NOT NULL,
    name              text    NOT NULL,
    duration_minutes  integer NOT NULL,
    capacity          integer NOT NULL,
    unit              text    NOT NULL CHECK (unit IN ('seats', 'chefs', 'tables')),
    min_party         integer NOT NULL,
    max_party         integer NOT NULL,
    hours             jsonb       NOT NULL,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    CONSTRAINT uq_services_tenant_key UNIQUE (tenant_id, key),
    CONSTRAINT uq_services_tenant_id UNIQUE (tenant_id, id)
);

CREATE TABLE bookings (
    id               uuid        PRIMARY KEY,
    tenant_id        uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    service_id       uuid        NOT NULL,
    start_at         timestamptz NOT NULL,
    end_at           timestamptz NOT NULL,
    party_size       integer NOT NULL CHECK (party_size > 0),
    demand           integer NOT NULL CHECK (demand > 0),
    name             text    NOT NULL,
    contact          text    NOT NULL,
    customer_id      text    NULL,
    session_id       uuid        NULL,
    status           text    NOT NULL CHECK (status IN ('booked', 'cancelled')),
    idempotency_key  text    NULL,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    CONSTRAINT fk_bookings_service FOREIGN KEY (tenant_id, service_id) REFERENCES services (tenant_id, id)
);

-- The capacity check: a service's live bookings overlapping a window.
CREATE INDEX ix_bookings_service_start ON bookings (tenant_id, service_id, status, start_at);
-- GET /api/v1/bookings?date=: a tenant's bookings by start.
CREATE INDEX ix_bookings_tenant_start ON bookings (tenant_id, start_at);
-- A retried POST with the same Idempotency-Key finds the booking it made.
CREATE UNIQUE INDEX ux_bookings_idempotency ON bookings (tenant_id, idempotency_key) WHERE idempotency_key IS NOT NULL;

-- Emotions (emotion_history): one row per user message, written by the emotion.detect job after
-- the turn. message_id is unique, so a job that runs twice writes one row.
CREATE TABLE emotions (
    id           uuid             PRIMARY KEY,
    tenant_id    uuid             NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    session_id   uuid             NOT NULL,
    message_id   uuid             NOT NULL,
    customer_id  text             NULL,
    label        text             NOT NULL,
    score        double precision NOT NULL,
    detector     text             NOT NULL,
    created_at   timestamptz      NOT NULL,
    CONSTRAINT uq_emotions_message UNIQUE (tenant_id, message_id)
);

-- GET /api/v1/customers/{id}/emotions and the debug view's per-message emotions.
CREATE INDEX ix_emotions_customer ON emotions (tenant_id, customer_id, created_at);
CREATE INDEX ix_emotions_session ON emotions (tenant_id, session_id);
