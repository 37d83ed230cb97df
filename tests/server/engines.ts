/**
 * The storage engines every server suite runs on: PGlite in memory always, PostgreSQL too when
 * DATABASE_URL is set. Each test database is fresh: PGlite a new in-memory instance, PostgreSQL
 * a new `plaza_test_<random>` database, dropped afterwards.
 * PGlite instances start from the snapshot of an empty cluster made once per run
 * (global-setup.ts), which skips initdb.
 */
import { PGlite } from '@electric-sql/pglite';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import type { Db } from '../../src/lib/server/db/client';
import { openDb } from '../../src/lib/server/db/client';
import { pgliteDb } from '../../src/lib/server/db/pglite';
import { createHub, type Hub } from '../../src/lib/server/hub';

export interface TestDatabase {
	/** A connection to this database; on PostgreSQL each call is a separate pool. */
	open(): Promise<Db>;
	/** A hub on a new connection to this database; `wrap` may stand between hub and database. */
	hub(wrap?: (db: Db) => Db): Promise<Hub>;
	/** Closes every connection and hub opened here and removes the database. */
	drop(): Promise<void>;
}

export interface Engine {
	name: 'pglite' | 'postgres';
	create(): Promise<TestDatabase>;
}

function tracked(openOne: () => Promise<Db>, dropAll: () => Promise<void>): TestDatabase {
	const hubs: Hub[] = [];
	const dbs: Db[] = [];
	return {
		async open() {
			const db = await openOne();
			dbs.push(db);
			return db;
		},
		async hub(wrap = (db: Db) => db) {
			const hub = await createHub(wrap(await this.open()), { purgeEveryMs: 0 });
			hubs.push(hub);
			return hub;
		},
		async drop() {
			for (const hub of hubs) await hub.live.close();
			for (const db of dbs) await db.close();
			await dropAll();
		}
	};
}

let emptyCluster: Blob | undefined;

/**
 * The empty cluster global-setup.ts made for this Vitest run; undefined outside Vitest (the
 * benchmarks in bench/ import this file too), where each database runs initdb instead.
 */
function emptyClusterSnapshot(): Blob | undefined {
	if (!process.env.VITEST) return undefined;
	emptyCluster ??= new Blob([readFileSync(inject('pgliteSnapshot'))]);
	return emptyCluster;
}

const pglite: Engine = {
	name: 'pglite',
	async create() {
		// One in-memory instance shared by every "connection": PGlite is single-connection.
		const snapshot = emptyClusterSnapshot();
		const shared = pgliteDb(await PGlite.create({ loadDataDir: snapshot }));
		const view: Db = { ...shared, close: async () => {} };
		return tracked(
			async () => view,
			() => shared.close()
		);
	}
};

function withDatabase(url: string, database: string): string {
	const parsed = new URL(url);
	parsed.pathname = `/${database}`;
	return parsed.toString();
}

const postgres: Engine = {
	name: 'postgres',
	async create() {
		const adminUrl = process.env.DATABASE_URL!;
		const name = `plaza_test_${randomBytes(6).toString('hex')}`;
		const admin = new pg.Client({ connectionString: adminUrl });
		await admin.connect();
		await admin.query(`CREATE DATABASE ${name}`);
		return tracked(
			() => openDb({ databaseUrl: withDatabase(adminUrl, name) }),
			async () => {
				await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
				await admin.end();
			}
		);
	}
};

export const engines: Engine[] = process.env.DATABASE_URL ? [pglite, postgres] : [pglite];
