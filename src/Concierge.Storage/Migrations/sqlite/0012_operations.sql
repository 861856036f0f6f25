-- Operations (issue 16): the usage ledger that cost reports and budgets read, the budget
-- thresholds a tenant crossed (each fires once per day), and the record of each GDPR erasure.

-- One row per model call, written by the turn's commit beside model_calls. It holds no payload
-- and outlives the session (an expired anonymous session takes its model_calls along; the cost
-- stays here). day is the call's UTC date 'yyyy-MM-dd'. An erasure clears session_id and
-- customer_id: the tenant's spend stays, the person is gone.
CREATE TABLE model_usage (
    id             TEXT    NOT NULL PRIMARY KEY,
    tenant_id      TEXT    NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    day            TEXT    NOT NULL,
    started_at     TEXT    NOT NULL,
    agent_id       TEXT    NULL,
    session_id     TEXT    NULL,
    customer_id    TEXT    NULL,
    provider       TEXT    NOT NULL,
    model          TEXT    NOT NULL,
    input_tokens   INTEGER NULL,
    output_tokens  INTEGER NULL,
    cost           REAL    NULL,
    outcome        TEXT    NOT NULL
);

CREATE INDEX ix_model_usage_tenant_day ON model_usage (tenant_id, day, agent_id);
CREATE INDEX ix_model_usage_tenant_started ON model_usage (tenant_id, started_at);

INSERT INTO model_usage (id, tenant_id, day, started_at, agent_id, session_id, customer_id, provider, model, input_tokens, output_tokens, cost, outcome)
SELECT c.id, c.tenant_id, substr(c.started_at, 1, 10), c.started_at, s.agent_id, c.session_id, s.customer_id,
       c.provider, c.model, c.input_tokens, c.output_tokens, c.cost, c.outcome
  FROM model_calls c JOIN sessions s ON s.id = c.session_id;

-- scope is 'tenant' or 'agent:<agent id>'; threshold 80 or 100 (percent of the day's budget).
CREATE TABLE budget_crossings (
    tenant_id   TEXT    NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    scope       TEXT    NOT NULL,
    day         TEXT    NOT NULL,
    threshold   INTEGER NOT NULL,
    spent       REAL    NOT NULL,
    budget      REAL    NOT NULL,
    crossed_at  TEXT    NOT NULL,
    PRIMARY KEY (tenant_id, scope, day, threshold)
);

-- That an erasure happened, who asked, and how many rows went; never the data. subject_hash is
-- SHA-256 of "tenant id:customer id", so "was this customer erased?" can be answered by whoever
-- knows the id, without the log naming anyone.
CREATE TABLE erasures (
    id            TEXT NOT NULL PRIMARY KEY,
    tenant_id     TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    subject_hash  TEXT NOT NULL,
    erased_by     TEXT NOT NULL,
    erased_at     TEXT NOT NULL,
    counts        TEXT NOT NULL
);

CREATE INDEX ix_erasures_tenant ON erasures (tenant_id, erased_at);
