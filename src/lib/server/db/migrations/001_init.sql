-- Plaza hub schema v1: one schema for PGlite and PostgreSQL (docs/sync-protocol.md).

-- Hub-wide values; `epoch` changes only when the data is reset, so old cursors are refused.
CREATE TABLE meta (
	key text PRIMARY KEY,
	value text NOT NULL
);

-- `seq` is the space's pull cursor, bumped inside each write transaction (never a sequence:
-- docs/decisions/0002). Tombstones with seq <= `horizon` may have been purged.
CREATE TABLE spaces (
	id text PRIMARY KEY,
	seq bigint NOT NULL DEFAULT 0,
	horizon bigint NOT NULL DEFAULT 0
);

-- The latest merged state of each record; `seq` is the space cursor of its last change.
CREATE TABLE records (
	id uuid PRIMARY KEY,
	space text NOT NULL REFERENCES spaces (id),
	type text NOT NULL,
	author uuid NOT NULL,
	fields jsonb NOT NULL,
	clocks jsonb NOT NULL,
	deleted boolean NOT NULL DEFAULT false,
	seq bigint NOT NULL,
	updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX records_space_seq ON records (space, seq);
CREATE INDEX records_tombstones ON records (updated_at) WHERE deleted;

-- One receipt per pushed outbox row, written in the same transaction as its mutations.
CREATE TABLE receipts (
	device_id uuid NOT NULL,
	seq bigint NOT NULL,
	hash text NOT NULL,
	results jsonb,
	received_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (device_id, seq)
);
