-- The operators' session list pages newest first by (created_at, id) and filters by customer
-- without an agent (the console, the fault checker). Without these, every page sorted all of the
-- tenant's sessions, and a customer filter scanned them (ix_sessions_customer leads with agent_id):
-- the 30-minute soak's listing p99 grew from 10 to 57 ms with 78,000 sessions. created_at never
-- changes, so a turn's update of its session does not touch either index.
CREATE INDEX ix_sessions_tenant_created ON sessions (tenant_id, created_at DESC, id DESC);
CREATE INDEX ix_sessions_tenant_customer ON sessions (tenant_id, customer_id, created_at DESC, id DESC) WHERE customer_id IS NOT NULL;
