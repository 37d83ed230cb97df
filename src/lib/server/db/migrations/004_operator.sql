-- Plaza hub schema v4: several organisations per hub (issue 3). The hub operator (the account
-- setup made) may create organisations; the admins of each organisation run only their own.
ALTER TABLE accounts ADD COLUMN operator boolean NOT NULL DEFAULT false;

-- Hubs set up before this version: the first admin of the first organisation ran setup.
UPDATE accounts SET operator = true
WHERE id = (
	SELECT a.id FROM accounts a JOIN organisations o ON o.id = a.organisation
	WHERE a.role = 'admin' ORDER BY o.created_at, a.created_at, a.id LIMIT 1
);
