-- Plaza hub schema v3: moderation and reports (issue 3).

-- A hidden record stays stored (and audited) but reaches only the space's staff; everyone
-- else pulls it as a tombstone whose `deleted` clock is `hidden_clock`, a hub clock newer
-- than every clock of the record when it was hidden, so devices drop it.
ALTER TABLE records
	ADD COLUMN hidden boolean NOT NULL DEFAULT false,
	ADD COLUMN hidden_reason text,
	ADD COLUMN hidden_by uuid,
	ADD COLUMN hidden_at timestamptz,
	ADD COLUMN hidden_clock text;
CREATE INDEX records_author ON records (space, author);

-- A participant (or staff member) flags a contribution for the facilitators; one report per
-- reporter and record, the latest reason kept. Erasing a participant's data deletes theirs.
CREATE TABLE reports (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	space text NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
	record uuid NOT NULL REFERENCES records (id) ON DELETE CASCADE,
	reporter uuid NOT NULL,
	reason text NOT NULL,
	created_at timestamptz NOT NULL DEFAULT now(),
	UNIQUE (record, reporter)
);
CREATE INDEX reports_space ON reports (space, id DESC);
