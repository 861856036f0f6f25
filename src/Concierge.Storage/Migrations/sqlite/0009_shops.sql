-- The shop router (SQLite). Same tables as PostgreSQL's 0009 (which also has the seed's analytics
-- views). Shops per tenant with their coordinates, indexed for the search's bounding-box prefilter
-- (latitude range first, then longitude; with and without a category); the geocoding cache
-- (normalised address -> coordinates or "not found", 90 days); and the router's analytics.

CREATE TABLE shops (
    id          TEXT    NOT NULL PRIMARY KEY,
    tenant_id   TEXT    NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    slug        TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    category    TEXT    NOT NULL,
    address     TEXT    NULL,
    latitude    REAL    NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude   REAL    NULL CHECK (longitude BETWEEN -180 AND 180),
    phone       TEXT    NULL,
    hours       TEXT    NULL,
    agent_key   TEXT    NOT NULL,
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    CONSTRAINT uq_shops_tenant_slug UNIQUE (tenant_id, slug)
);

CREATE INDEX idx_shops_lat ON shops (tenant_id, latitude, longitude) WHERE latitude IS NOT NULL;
CREATE INDEX idx_shops_location_category ON shops (tenant_id, category, latitude, longitude) WHERE latitude IS NOT NULL;
CREATE INDEX idx_shops_lon ON shops (tenant_id, longitude) WHERE longitude IS NOT NULL;

CREATE TABLE geocoding_cache (
    address_key  TEXT NOT NULL PRIMARY KEY,
    latitude     REAL NULL,
    longitude    REAL NULL,
    provider     TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    expires_at   TEXT NOT NULL
);

CREATE INDEX ix_geocoding_cache_expires ON geocoding_cache (expires_at);

-- One row per search ('search', with its result count) and per delegation ('delegation', with the
-- new session and the search that found the shop). Bookings are the bookings of those sessions.
CREATE TABLE router_analytics (
    id            TEXT    NOT NULL PRIMARY KEY,
    tenant_id     TEXT    NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    event_type    TEXT    NOT NULL CHECK (event_type IN ('search', 'delegation')),
    search_id     TEXT    NULL,
    session_id    TEXT    NULL,
    shop_slug     TEXT    NULL,
    result_count  INTEGER NULL,
    latitude      REAL    NULL,
    longitude     REAL    NULL,
    radius_km     REAL    NULL,
    category      TEXT    NULL,
    created_at    TEXT    NOT NULL
);

CREATE INDEX ix_router_analytics_tenant_created ON router_analytics (tenant_id, event_type, created_at);
CREATE INDEX ix_router_analytics_session ON router_analytics (session_id) WHERE session_id IS NOT NULL;

-- Which shops each search found (shop discovery).
CREATE TABLE router_search_results (
    search_id   TEXT    NOT NULL,
    tenant_id   TEXT    NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    shop_slug   TEXT    NOT NULL,
    position    INTEGER NOT NULL,
    created_at  TEXT    NOT NULL,
    PRIMARY KEY (search_id, shop_slug)
);

CREATE INDEX ix_router_search_results_shop ON router_search_results (tenant_id, shop_slug, created_at);

-- The demo hibachi agent books only its own service now that the demo tenant has shops with theirs.
UPDATE agents SET settings = json_set(settings, '$.service_keys', json('["hibachi"]'))
WHERE id = '00000000-0000-7000-8000-000000000103' AND json_extract(settings, '$.service_keys') IS NULL;
