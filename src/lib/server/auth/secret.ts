/**
 * The hub's signing secret (participant tokens): 32 random bytes made on first use and kept in
 * `meta`, never in the repository or the environment. Several processes on one PostgreSQL
 * agree on it because the first insert wins.
 */
import { randomBytes } from 'node:crypto';
import type { Hub } from '../hub';

const secrets = new WeakMap<Hub, Promise<Buffer>>();

async function load(hub: Hub): Promise<Buffer> {
	await hub.db.query(
		"INSERT INTO meta (key, value) VALUES ('secret', $1) ON CONFLICT (key) DO NOTHING",
		[randomBytes(32).toString('hex')]
	);
	const rows = await hub.db.query<{ value: string }>("SELECT value FROM meta WHERE key = 'secret'");
	return Buffer.from(rows[0]!.value, 'hex');
}

export function hubSecret(hub: Hub): Promise<Buffer> {
	let secret = secrets.get(hub);
	if (!secret) {
		secret = load(hub);
		secrets.set(hub, secret);
		secret.catch(() => secrets.delete(hub));
	}
	return secret;
}
