-- The operators' console (issue 17). Rate-limit rejections per tenant and UTC day: counted in
-- memory where the limiter refuses a call whose tenant is known, and added here in batches
-- (an upsert per tenant and day), so a refused request costs no write. day is 'yyyy-MM-dd'.
CREATE TABLE rate_limit_rejections (
    tenant_id   TEXT    NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    day         TEXT    NOT NULL,
    rejections  INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, day)
);

-- The debug view lists a session's jobs (jobs.session_id, set by the turn that asked for them).
CREATE INDEX ix_jobs_session ON jobs (tenant_id, session_id, id) WHERE session_id IS NOT NULL;
