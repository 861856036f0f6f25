-- Safety (issue 11): what the safety step found in each user message, and a session's crisis mode.
-- crisis is NULL on assistant/system messages and on messages stored before this migration.
ALTER TABLE messages ADD COLUMN crisis INTEGER NULL;
ALTER TABLE messages ADD COLUMN crisis_severity TEXT NULL;
ALTER TABLE messages ADD COLUMN crisis_rule TEXT NULL;
ALTER TABLE messages ADD COLUMN crisis_by TEXT NULL;

-- crisis_since: when the protocol first answered (NULL: not in crisis mode); crisis_calm_turns:
-- calm user messages in a row since the last cue (three end crisis mode, docs/safety.md).
ALTER TABLE sessions ADD COLUMN crisis_since TEXT NULL;
ALTER TABLE sessions ADD COLUMN crisis_calm_turns INTEGER NOT NULL DEFAULT 0;
