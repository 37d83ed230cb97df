-- Plaza hub schema v6: blobs (issue 4, facilitator capture). Photos travel as bytes named by
-- their SHA-256, uploaded before the `photo` record that refers to them. A blob belongs to the
-- space it was uploaded for; the same bytes in another space are stored again, so erasing a
-- space never removes what another one still shows.
CREATE TABLE blobs (
	space text NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
	sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
	type text NOT NULL CHECK (type IN ('image/jpeg', 'image/png', 'image/webp')),
	size integer NOT NULL CHECK (size >= 0),
	bytes bytea NOT NULL,
	uploaded_by uuid NOT NULL,
	created_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (space, sha256)
);
