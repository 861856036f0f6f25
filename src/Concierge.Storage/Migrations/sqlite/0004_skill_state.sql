-- Platform II (SQLite): a session keeps only what every session has, plus its active skill and
-- that skill's typed state as one JSON document. The template builder's memory, draft, draft id
-- and final payload move into its state under the same names. Agents get a settings document for
-- what later features configure per agent (skills, guardrail, public key...).

ALTER TABLE sessions ADD COLUMN skill TEXT NULL;
ALTER TABLE sessions ADD COLUMN state TEXT NULL;

UPDATE sessions SET skill = (SELECT a.skill FROM agents a WHERE a.id = sessions.agent_id);
UPDATE sessions
   SET state = json_object('memory', json(memory), 'draft', json(draft), 'draft_id', draft_id, 'final_payload', json(final_payload))
 WHERE skill = 'templates';

ALTER TABLE sessions DROP COLUMN memory;
ALTER TABLE sessions DROP COLUMN draft;
ALTER TABLE sessions DROP COLUMN draft_id;
ALTER TABLE sessions DROP COLUMN final_payload;

ALTER TABLE agents ADD COLUMN settings TEXT NOT NULL DEFAULT '{}';
