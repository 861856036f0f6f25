-- Durable background jobs (PostgreSQL). Same table as SQLite's 0003; see docs/jobs.md.
-- Written by the turn's transaction (an outbox) and by operators' actions; claimed by the job
-- workers of every process with FOR UPDATE SKIP LOCKED. tenant_id has no foreign key:
-- housekeeping jobs run under the all-zero system tenant, which owns no row in tenants.

CREATE TABLE jobs (
    id            uuid        PRIMARY KEY,
    tenant_id     uuid        NOT NULL,
    kind          text        NOT NULL,
    payload       jsonb       NOT NULL,
    state         text        NOT NULL DEFAULT 'queued'
                  CHECK (state IN ('queued', 'running', 'done', 'dead', 'cancelled')),
    attempts      integer     NOT NULL DEFAULT 0,
    max_attempts  integer     NOT NULL,
    run_at        timestamptz NOT NULL,
    dedup_key     text        NULL,
    session_id    uuid        NULL,
    claimed_by    text        NULL,
    claim_until   timestamptz NULL,
    last_error    text        NULL,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    finished_at   timestamptz NULL
);

-- The claim: due queued jobs by run_at, and running jobs whose claim expired.
CREATE INDEX ix_jobs_state_run_at ON jobs (state, run_at);
CREATE INDEX ix_jobs_state_claim_until ON jobs (state, claim_until);
-- GET /api/v1/jobs: a tenant's jobs by state, in id order.
CREATE INDEX ix_jobs_tenant_state ON jobs (tenant_id, state, id);
-- One job per (tenant, kind, dedup key): a second enqueue is ignored (ON CONFLICT DO NOTHING).
CREATE UNIQUE INDEX ux_jobs_dedup ON jobs (tenant_id, kind, dedup_key) WHERE dedup_key IS NOT NULL;
