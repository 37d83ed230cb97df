-- Plaza hub schema v5: workshops (issue 4). A workshop is a space of kind 'workshop' with a
-- day, a place and the languages it offers; its activities, notes, votes and answers are
-- ordinary synced records.
ALTER TABLE spaces ADD COLUMN kind text NOT NULL DEFAULT 'ideas'
	CHECK (kind IN ('ideas', 'workshop'));
ALTER TABLE spaces ADD COLUMN workshop_date date NULL;
ALTER TABLE spaces ADD COLUMN place text NOT NULL DEFAULT '';
ALTER TABLE spaces ADD COLUMN languages text[] NOT NULL DEFAULT '{}';

-- The hub's vote budget check reads one participant's votes in one activity.
CREATE INDEX records_author_type ON records (space, type, author) WHERE NOT deleted;
