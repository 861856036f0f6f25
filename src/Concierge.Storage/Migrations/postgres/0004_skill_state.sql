-- Platform II (PostgreSQL): a session keeps only what every session has, plus its active skill and
-- that skill's typed state as one JSON document. The template builder's memory, draft, draft id
-- and final payload move into its state under the same names. Agents get a settings document for
-- what later features configure per agent (skills, guardrail, public key...).

ALTER TABLE sessions ADD COLUMN skill text NULL, ADD COLUMN state jsonb NULL;

UPDATE sessions s SET skill = a.skill FROM agents a WHERE a.id = s.agent_id;
UPDATE sessions
   SET state = jsonb_build_object('memory', memory, 'draft', draft, 'draft_id', draft_id, 'final_payload', final_payload)
 WHERE skill = 'templates';

ALTER TABLE sessions DROP COLUMN memory, DROP COLUMN draft, DROP COLUMN draft_id, DROP COLUMN final_payload;

ALTER TABLE agents ADD COLUMN settings jsonb NOT NULL DEFAULT '{}';
