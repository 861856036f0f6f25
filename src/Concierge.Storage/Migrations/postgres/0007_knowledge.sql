-- Knowledge documents, their chunks and curated answers (PostgreSQL). Same tables as SQLite's 0007.
-- The uploaded bytes are kept so that the indexing job and reindex can read them again. Chunks hold
-- the analysed terms the in-memory BM25 index is built from (docs/knowledge.md says why no
-- tsvector), and an embedding (little-endian float32) once the embeddings job has computed it.

CREATE TABLE knowledge_documents (
    id              uuid        PRIMARY KEY,
    tenant_id       uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    agent_key       text        NULL,
    given_title     text        NULL,
    title           text        NOT NULL,
    file_name       text        NOT NULL,
    type            text        NULL,
    bytes           bigint      NOT NULL,
    content_hash    text        NOT NULL,
    content         bytea       NOT NULL,
    language        text        NULL,
    status          text        NOT NULL,
    failure_reason  text        NULL,
    chunk_count     integer     NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    CONSTRAINT uq_knowledge_documents_tenant_hash UNIQUE (tenant_id, content_hash)
);

CREATE INDEX ix_knowledge_documents_tenant_created ON knowledge_documents (tenant_id, created_at DESC);

CREATE TABLE knowledge_chunks (
    id            uuid    PRIMARY KEY,
    tenant_id     uuid    NOT NULL,
    document_id   uuid    NOT NULL REFERENCES knowledge_documents (id) ON DELETE CASCADE,
    ordinal       integer NOT NULL,
    heading_path  text    NOT NULL,
    text          text    NOT NULL,
    terms         text    NOT NULL,
    embedding     bytea   NULL,
    CONSTRAINT uq_knowledge_chunks_document_ordinal UNIQUE (document_id, ordinal)
);

-- The index build reads every chunk of a tenant.
CREATE INDEX ix_knowledge_chunks_tenant ON knowledge_chunks (tenant_id);

CREATE TABLE knowledge_answers (
    id          uuid        PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    question    text        NOT NULL,
    answer      text        NOT NULL,
    hits        integer     NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL
);

CREATE INDEX ix_knowledge_answers_tenant ON knowledge_answers (tenant_id, created_at);

-- Bumped by every change to a tenant's searchable chunks: each instance rebuilds its cached index when it moves.
CREATE TABLE knowledge_versions (
    tenant_id  uuid   PRIMARY KEY,
    version    bigint NOT NULL
);
