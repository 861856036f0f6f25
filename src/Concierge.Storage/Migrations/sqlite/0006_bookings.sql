-- Bookings (SQLite). Same tables as PostgreSQL's 0006. A tenant's booking policy, its services
-- (hours as JSON: the week and its exceptions), and the bookings. Capacity is not a constraint
-- the schema can state (a booking holds its units for the service's duration, so the check is a
-- peak over overlapping rows); the store checks it inside the write transaction, which SQLite's
-- single writer (BEGIN IMMEDIATE) makes the only one running. Times are fixed-width ISO-8601 text.

CREATE TABLE booking_policies (
    tenant_id       TEXT    NOT NULL PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
    time_zone       TEXT    NOT NULL,
    slot_minutes    INTEGER NOT NULL,
    lead_minutes    INTEGER NOT NULL,
    horizon_days    INTEGER NOT NULL,
    updated_at      TEXT    NOT NULL
);

CREATE TABLE services (
    id                TEXT    NOT NULL PRIMARY KEY,
    tenant_id         TEXT    NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    key               TEXT    NOT NULL,
    name              TEXT    NOT NULL,
    duration_minutes  INTEGER NOT NULL,
    capacity          INTEGER NOT NULL,
    unit              TEXT    NOT NULL CHECK (unit IN ('seats', 'chefs', 'tables')),
    min_party         INTEGER NOT NULL,
    max_party         INTEGER NOT NULL,
    hours             TEXT    NOT NULL,
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL,
    CONSTRAINT uq_services_tenant_key UNIQUE (tenant_id, key),
    CONSTRAINT uq_services_tenant_id UNIQUE (tenant_id, id)
);

CREATE TABLE bookings (
    id               TEXT    NOT NULL PRIMARY KEY,
    tenant_id        TEXT    NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    service_id       TEXT    NOT NULL,
    start_at         TEXT    NOT NULL,
    end_at           TEXT    NOT NULL,
    party_size       INTEGER NOT NULL CHECK (party_size > 0),
    demand           INTEGER NOT NULL CHECK (demand > 0),
    name             TEXT    NOT NULL,
    contact          TEXT    NOT NULL,
    customer_id      TEXT    NULL,
    session_id       TEXT    NULL,
    status           TEXT    NOT NULL CHECK (status IN ('booked', 'cancelled')),
    idempotency_key  TEXT    NULL,
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL,
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
    id           TEXT    NOT NULL PRIMARY KEY,
    tenant_id    TEXT    NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    session_id   TEXT    NOT NULL,
    message_id   TEXT    NOT NULL,
    customer_id  TEXT    NULL,
    label        TEXT    NOT NULL,
    score        REAL    NOT NULL,
    detector     TEXT    NOT NULL,
    created_at   TEXT    NOT NULL,
    CONSTRAINT uq_emotions_message UNIQUE (tenant_id, message_id)
);

-- GET /api/v1/customers/{id}/emotions and the debug view's per-message emotions.
CREATE INDEX ix_emotions_customer ON emotions (tenant_id, customer_id, created_at);
CREATE INDEX ix_emotions_session ON emotions (tenant_id, session_id);
