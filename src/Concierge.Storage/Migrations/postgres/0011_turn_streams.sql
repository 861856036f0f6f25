-- Resumable turn streams (PostgreSQL). Same tables as SQLite's 0011; see docs/streaming.md.
-- Every streamed turn has a row in turn_streams and its events (already formatted for the wire:
-- the SSE event name and the JSON data) in turn_stream_events, so a client that reconnects with
-- Last-Event-ID, on any instance, gets what it missed. Rows live for STREAM_RETENTION after the
-- turn ended (expires_at); the recurring streams.sweep job deletes them. No foreign keys: the
-- session sweep and the stream sweep each delete their own rows.

CREATE TABLE turn_streams (
    id          uuid        PRIMARY KEY,
    tenant_id   uuid        NOT NULL,
    session_id  uuid        NOT NULL,
    status      text        NOT NULL CHECK (status IN ('running', 'done', 'failed')),
    last_seq    integer     NOT NULL DEFAULT 0,
    started_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL
);

CREATE INDEX ix_turn_streams_session ON turn_streams (tenant_id, session_id, started_at);
CREATE INDEX ix_turn_streams_expires ON turn_streams (expires_at);

CREATE TABLE turn_stream_events (
    stream_id  uuid    NOT NULL,
    seq        integer NOT NULL,
    name       text    NULL,
    data       text    NOT NULL,
    PRIMARY KEY (stream_id, seq)
);
