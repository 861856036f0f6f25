-- The shop router (PostgreSQL). Same tables as SQLite's 0009, plus the seed's analytics views
-- (router_usage_summary, router_shop_discovery, router_conversion_funnel) and its cache cleanup
-- function, so that the seed's monitoring queries keep working.

CREATE TABLE shops (
    id          uuid        PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    slug        text        NOT NULL,
    name        text        NOT NULL,
    category    text        NOT NULL,
    address     text        NULL,
    latitude    double precision NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude   double precision NULL CHECK (longitude BETWEEN -180 AND 180),
    phone       text        NULL,
    hours       text        NULL,
    agent_key   text        NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    CONSTRAINT uq_shops_tenant_slug UNIQUE (tenant_id, slug)
);

CREATE INDEX idx_shops_lat ON shops (tenant_id, latitude, longitude) WHERE latitude IS NOT NULL;
CREATE INDEX idx_shops_location_category ON shops (tenant_id, category, latitude, longitude) WHERE latitude IS NOT NULL;
CREATE INDEX idx_shops_lon ON shops (tenant_id, longitude) WHERE longitude IS NOT NULL;

CREATE TABLE geocoding_cache (
    address_key  text        PRIMARY KEY,
    latitude     double precision NULL,
    longitude    double precision NULL,
    provider     text        NOT NULL,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL
);

CREATE INDEX ix_geocoding_cache_expires ON geocoding_cache (expires_at);

CREATE TABLE router_analytics (
    id            uuid        PRIMARY KEY,
    tenant_id     uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    event_type    text        NOT NULL CHECK (event_type IN ('search', 'delegation')),
    search_id     uuid        NULL,
    session_id    uuid        NULL,
    shop_slug     text        NULL,
    result_count  integer     NULL,
    latitude      double precision NULL,
    longitude     double precision NULL,
    radius_km     double precision NULL,
    category      text        NULL,
    created_at    timestamptz NOT NULL
);

CREATE INDEX ix_router_analytics_tenant_created ON router_analytics (tenant_id, event_type, created_at);
CREATE INDEX ix_router_analytics_session ON router_analytics (session_id) WHERE session_id IS NOT NULL;

CREATE TABLE router_search_results (
    search_id   uuid        NOT NULL,
    tenant_id   uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    shop_slug   text        NOT NULL,
    position    integer     NOT NULL,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (search_id, shop_slug)
);

CREATE INDEX ix_router_search_results_shop ON router_search_results (tenant_id, shop_slug, created_at);

UPDATE agents SET settings = jsonb_set(settings, '{service_keys}', '["hibachi"]'::jsonb)
WHERE id = '00000000-0000-7000-8000-000000000103' AND settings -> 'service_keys' IS NULL;

-- Per tenant and UTC day: searches, their results, delegations, and bookings made in delegated sessions.
CREATE VIEW router_usage_summary AS
SELECT a.tenant_id,
       (a.created_at AT TIME ZONE 'UTC')::date AS date,
       count(*) FILTER (WHERE a.event_type = 'search') AS searches,
       count(*) FILTER (WHERE a.event_type = 'search' AND a.result_count = 0) AS empty_searches,
       coalesce(avg(a.result_count) FILTER (WHERE a.event_type = 'search'), 0) AS avg_results,
       count(*) FILTER (WHERE a.event_type = 'delegation') AS delegations,
       count(b.id) AS bookings
FROM router_analytics a
LEFT JOIN bookings b ON a.event_type = 'delegation' AND b.tenant_id = a.tenant_id AND b.session_id = a.session_id
GROUP BY a.tenant_id, (a.created_at AT TIME ZONE 'UTC')::date;

-- Per shop: how often searches found it, how often the router handed a customer to it, and the bookings that came of it.
CREATE VIEW router_shop_discovery AS
SELECT s.tenant_id, s.slug AS shop_slug, s.name, s.category,
       (SELECT count(*) FROM router_search_results r WHERE r.tenant_id = s.tenant_id AND r.shop_slug = s.slug) AS times_discovered,
       (SELECT count(*) FROM router_analytics a WHERE a.tenant_id = s.tenant_id AND a.event_type = 'delegation' AND a.shop_slug = s.slug) AS times_delegated,
       (SELECT count(*) FROM router_analytics a JOIN bookings b ON b.tenant_id = a.tenant_id AND b.session_id = a.session_id
         WHERE a.tenant_id = s.tenant_id AND a.event_type = 'delegation' AND a.shop_slug = s.slug) AS bookings
FROM shops s;

-- Per tenant and UTC day: searches -> delegations -> bookings, with the conversion rates (percent).
CREATE VIEW router_conversion_funnel AS
SELECT tenant_id, date, searches, delegations, bookings,
       CASE WHEN searches = 0 THEN 0 ELSE round(100.0 * delegations / searches, 1) END AS search_to_delegation_pct,
       CASE WHEN delegations = 0 THEN 0 ELSE round(100.0 * bookings / delegations, 1) END AS delegation_to_booking_pct,
       CASE WHEN searches = 0 THEN 0 ELSE round(100.0 * bookings / searches, 1) END AS search_to_booking_pct
FROM router_usage_summary;

CREATE FUNCTION cleanup_expired_geocoding_cache() RETURNS integer LANGUAGE sql AS $$
    WITH gone AS (DELETE FROM geocoding_cache WHERE expires_at < now() RETURNING 1)
    SELECT count(*)::integer FROM gone;
$$;
