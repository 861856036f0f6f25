-- Knowledge documents, their chunks and curated answers (SQLite). Same tables as PostgreSQL's 0007.
-- The uploaded bytes are kept so that the indexing job and reindex can read them again. Chunks hold
-- the analysed terms the in-memory BM25 index is built from (docs/knowledge.md says why no FTS5),
-- and an embedding (little-endian float32) once the embeddings job has computed it.

CREATE TABLE knowledge_documents (
    id              TEXT    NOT NULL PRIMARY KEY,
    tenant_id       TEXT    NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    agent_key       TEXT    NULL,
    given_title     TEXT    NULL,
    title           TEXT    NOT NULL,
    file_name       TEXT    NOT NULL,
    type            TEXT    NULL,
    bytes           INTEGER NOT NULL,
    content_hash    TEXT    NOT NULL,
    content         BLOB    NOT NULL,
    language        TEXT    NULL,
    status          TEXT    NOT NULL,
    failure_reason  TEXT    NULL,
    chunk_count     INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL,
    CONSTRAINT uq_knowledge_documents_tenant_hash UNIQUE (tenant_id, content_hash)
);

CREATE INDEX ix_knowledge_documents_tenant_created ON knowledge_documents (tenant_id, created_at DESC);

CREATE TABLE knowledge_chunks (
    id            TEXT    NOT NULL PRIMARY KEY,
    tenant_id     TEXT    NOT NULL,
    document_id   TEXT    NOT NULL REFERENCES knowledge_documents (id) ON DELETE CASCADE,
    ordinal       INTEGER NOT NULL,
    heading_path  TEXT    NOT NULL,
    text          TEXT    NOT NULL,
    terms         TEXT    NOT NULL,
    embedding     BLOB    NULL,
    CONSTRAINT uq_knowledge_chunks_document_ordinal UNIQUE (document_id, ordinal)
);

CREATE INDEX ix_knowledge_chunks_tenant ON knowledge_chunks (tenant_id);

CREATE TABLE knowledge_answers (
    id          TEXT    NOT NULL PRIMARY KEY,
    tenant_id   TEXT    NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    question    TEXT    NOT NULL,
    answer      TEXT    NOT NULL,
    hits        INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT    NOT NULL
);

CREATE INDEX ix_knowledge_answers_tenant ON knowledge_answers (tenant_id, created_at);

-- Bumped by every change to a tenant's searchable chunks: each instance rebuilds its cached index when it moves.
CREATE TABLE knowledge_versions (
    tenant_id  TEXT    NOT NULL PRIMARY KEY,
    version    INTEGER NOT NULL
);
