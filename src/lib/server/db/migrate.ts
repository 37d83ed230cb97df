/**
 * Applies the SQL files in ./migrations in name order, each once, each in its own transaction,
 * and records them in `migrations`. An advisory lock lets several hub processes start at once
 * on one PostgreSQL without racing.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { Db } from './client';

const migrationLock = 7_302_711;

/** name → SQL. Vite inlines the files into the build; plain Node (tsx) reads them from disk. */
function loadMigrations(): Record<string, string> {
	try {
		const files = import.meta.glob<string>('./migrations/*.sql', {
			query: '?raw',
			import: 'default',
			eager: true
		});
		return Object.fromEntries(
			Object.entries(files).map(([path, sql]) => [path.split('/').pop()!, sql])
		);
	} catch {
		const folder = new URL('./migrations/', import.meta.url);
		const names = readdirSync(folder).filter((name) => name.endsWith('.sql'));
		return Object.fromEntries(
			names.map((name) => [name, readFileSync(new URL(name, folder), 'utf8')])
		);
	}
}

/** Brings the schema up to date and returns the hub's epoch (made on first start). */
export async function migrate(db: Db): Promise<string> {
	await db.transaction(async (tx) => {
		await tx.query('SELECT pg_advisory_xact_lock($1)', [migrationLock]);
		await tx.exec(
			'CREATE TABLE IF NOT EXISTS migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())'
		);
	});
	const migrations = loadMigrations();
	for (const name of Object.keys(migrations).sort()) {
		await db.transaction(async (tx) => {
			await tx.query('SELECT pg_advisory_xact_lock($1)', [migrationLock]);
			const done = await tx.query('SELECT 1 FROM migrations WHERE name = $1', [name]);
			if (done.length > 0) return;
			await tx.exec(migrations[name]!);
			await tx.query('INSERT INTO migrations (name) VALUES ($1)', [name]);
		});
	}
	const epoch = randomBytes(8).toString('hex');
	await db.query(
		"INSERT INTO meta (key, value) VALUES ('epoch', $1) ON CONFLICT (key) DO NOTHING",
		[epoch]
	);
	const rows = await db.query<{ value: string }>("SELECT value FROM meta WHERE key = 'epoch'");
	return rows[0]!.value;
}
