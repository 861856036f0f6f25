-- Resumable turn streams (SQLite). Same tables as PostgreSQL's 0011; see docs/streaming.md.
-- Every streamed turn has a row in turn_streams and its events (already formatted for the wire:
-- the SSE event name and the JSON data) in turn_stream_events, so a client that reconnects with
-- Last-Event-ID, on any instance, gets what it missed. Rows live for STREAM_RETENTION after the
-- turn ended (expires_at); the recurring streams.sweep job deletes them. No foreign keys: the
-- session sweep and the stream sweep each delete their own rows.

CREATE TABLE turn_streams (
    id          TEXT    NOT NULL PRIMARY KEY,
    tenant_id   TEXT    NOT NULL,
    session_id  TEXT    NOT NULL,
    status      TEXT    NOT NULL CHECK (status IN ('running', 'done', 'failed')),
    last_seq    INTEGER NOT NULL DEFAULT 0,
    started_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    expires_at  TEXT    NOT NULL
);

-- The resume route's "latest stream of this session", and double texting's "is one running".
CREATE INDEX ix_turn_streams_session ON turn_streams (tenant_id, session_id, started_at);
CREATE INDEX ix_turn_streams_expires ON turn_streams (expires_at);

CREATE TABLE turn_stream_events (
    stream_id  TEXT    NOT NULL,
    seq        INTEGER NOT NULL,
    name       TEXT    NULL,
    data       TEXT    NOT NULL,
    PRIMARY KEY (stream_id, seq)
);
