-- Plaza hub schema v2: organisations, accounts and sessions, invites, owned spaces, participants
-- and the audit log (issue 3). Secrets never live here: sessions and invites keep only the
-- SHA-256 of their token, passwords only their scrypt hash.

CREATE TABLE organisations (
	id uuid PRIMARY KEY,
	name text NOT NULL,
	created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE accounts (
	id uuid PRIMARY KEY,
	organisation uuid NOT NULL REFERENCES organisations (id),
	email text NOT NULL UNIQUE CHECK (email = lower(email)),
	name text NOT NULL,
	password_hash text NOT NULL,
	role text NOT NULL CHECK (role IN ('admin', 'facilitator')),
	created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sessions (
	token_hash text PRIMARY KEY,
	account uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
	created_at timestamptz NOT NULL DEFAULT now(),
	expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_account ON sessions (account);

CREATE TABLE invites (
	token_hash text PRIMARY KEY,
	organisation uuid NOT NULL REFERENCES organisations (id),
	email text NOT NULL CHECK (email = lower(email)),
	role text NOT NULL CHECK (role IN ('admin', 'facilitator')),
	invited_by uuid NOT NULL REFERENCES accounts (id),
	created_at timestamptz NOT NULL DEFAULT now(),
	expires_at timestamptz NOT NULL,
	accepted_at timestamptz
);

-- Spaces made implicitly by issue-2 pushes keep organisation NULL: nobody can join them.
ALTER TABLE spaces
	ADD COLUMN organisation uuid REFERENCES organisations (id),
	ADD COLUMN title text NOT NULL DEFAULT '',
	ADD COLUMN purpose text NOT NULL DEFAULT '',
	ADD COLUMN privacy_notice text NOT NULL DEFAULT '',
	ADD COLUMN erase_policy text NOT NULL DEFAULT 'delete'
		CHECK (erase_policy IN ('delete', 'anonymise')),
	ADD COLUMN retention_until date,
	ADD COLUMN published boolean NOT NULL DEFAULT false,
	ADD COLUMN status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
	ADD COLUMN join_code text UNIQUE,
	ADD COLUMN created_by uuid REFERENCES accounts (id),
	ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();

CREATE TABLE space_facilitators (
	space text NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
	account uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
	PRIMARY KEY (space, account)
);
CREATE INDEX space_facilitators_account ON space_facilitators (account);

-- A device's pseudonymous identity in one space; its token is valid while revoked_at is NULL.
CREATE TABLE participants (
	space text NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
	participant uuid NOT NULL,
	display_name text NOT NULL DEFAULT '',
	joined_at timestamptz NOT NULL DEFAULT now(),
	revoked_at timestamptz,
	PRIMARY KEY (space, participant)
);

-- Append-only: who did what, when. `actor` is an account or a participant id.
CREATE TABLE audit_log (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	at timestamptz NOT NULL DEFAULT now(),
	organisation uuid REFERENCES organisations (id),
	actor text NOT NULL,
	actor_name text NOT NULL DEFAULT '',
	action text NOT NULL,
	target text NOT NULL DEFAULT '',
	detail jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_organisation ON audit_log (organisation, id DESC);
