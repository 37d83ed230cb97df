-- Plaza hub schema v8: Open311 API keys (issue 5). A key lets a city system create ideas in one
-- map space through the Open311 GeoReport v2 interface. Each key is a participant of its space
-- (display name = the key's label), so its ideas go through the same push rules as anyone's;
-- revoking the key revokes that participant. Only the SHA-256 of the key is stored.
CREATE TABLE api_keys (
	id uuid PRIMARY KEY,
	space text NOT NULL,
	participant uuid NOT NULL,
	label text NOT NULL,
	key_hash text NOT NULL UNIQUE,
	created_by uuid REFERENCES accounts (id) ON DELETE SET NULL,
	created_at timestamptz NOT NULL DEFAULT now(),
	revoked_at timestamptz,
	last_used_at timestamptz,
	-- Outbox numbers of the key's pushes: the key is the "device" of its own push receipts.
	pushes bigint NOT NULL DEFAULT 0,
	FOREIGN KEY (space, participant) REFERENCES participants (space, participant) ON DELETE CASCADE
);
CREATE INDEX api_keys_space ON api_keys (space, created_at);
