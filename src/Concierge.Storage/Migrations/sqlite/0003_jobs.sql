-- Durable background jobs (SQLite). Same table as PostgreSQL's 0003; see docs/jobs.md.
-- Written by the turn's transaction (an outbox) and by operators' actions; claimed by the job
-- worker. tenant_id has no foreign key: housekeeping jobs run under the all-zero system tenant,
-- which owns no row in tenants. Times are fixed-width ISO-8601 text, which sorts in time order.

CREATE TABLE jobs (
    id            TEXT    NOT NULL PRIMARY KEY,
    tenant_id     TEXT    NOT NULL,
    kind          TEXT    NOT NULL,
    payload       TEXT    NOT NULL,
    state         TEXT    NOT NULL DEFAULT 'queued'
                  CHECK (state IN ('queued', 'running', 'done', 'dead', 'cancelled')),
    attempts      INTEGER NOT NULL DEFAULT 0,
    max_attempts  INTEGER NOT NULL,
    run_at        TEXT    NOT NULL,
    dedup_key     TEXT    NULL,
    session_id    TEXT    NULL,
    claimed_by    TEXT    NULL,
    claim_until   TEXT    NULL,
    last_error    TEXT    NULL,
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    finished_at   TEXT    NULL
);

-- The claim: due queued jobs by run_at, and running jobs whose claim expired.
CREATE INDEX ix_jobs_state_run_at ON jobs (state, run_at);
CREATE INDEX ix_jobs_state_claim_until ON jobs (state, claim_until);
-- GET /api/v1/jobs: a tenant's jobs by state, in id order.
CREATE INDEX ix_jobs_tenant_state ON jobs (tenant_id, state, id);
-- One job per (tenant, kind, dedup key): a second enqueue is ignored (ON CONFLICT DO NOTHING).
CREATE UNIQUE INDEX ux_jobs_dedup ON jobs (tenant_id, kind, dedup_key) WHERE dedup_key IS NOT NULL;
