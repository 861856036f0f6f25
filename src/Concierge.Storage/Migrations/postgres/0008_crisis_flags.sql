-- Safety (issue 11): what the safety step found in each user message, and a session's crisis mode.
-- crisis is NULL on assistant/system messages and on messages stored before this migration.
ALTER TABLE messages ADD COLUMN crisis boolean NULL;
ALTER TABLE messages ADD COLUMN crisis_severity text NULL;
ALTER TABLE messages ADD COLUMN crisis_rule text NULL;
ALTER TABLE messages ADD COLUMN crisis_by text NULL;

-- crisis_since: when the protocol first answered (NULL: not in crisis mode); crisis_calm_turns:
-- calm user messages in a row since the last cue (three end crisis mode, docs/safety.md).
ALTER TABLE sessions ADD COLUMN crisis_since timestamptz NULL;
ALTER TABLE sessions ADD COLUMN crisis_calm_turns integer NOT NULL DEFAULT 0;
