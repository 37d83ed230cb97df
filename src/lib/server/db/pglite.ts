import { PGlite, type Transaction } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import type { Db, Queryable, Row } from './client';

function wrap(target: PGlite | Transaction): Queryable {
	return {
		async query<T = Row>(sql: string, params: unknown[] = []) {
			return (await target.query<T>(sql, params)).rows;
		},
		async exec(sql: string) {
			await target.exec(sql);
		}
	};
}

/** PGlite in a data folder, or in memory for `memory://`. One connection: work is serialised. */
export async function openPglite(dataDir: string): Promise<Db> {
	if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
	return pgliteDb(await PGlite.create(dataDir));
}

/** A `Db` over an open PGlite instance; closing the `Db` closes the instance. */
export function pgliteDb(pg: PGlite): Db {
	return {
		engine: 'pglite',
		...wrap(pg),
		transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
		listen: async (channel, callback) => {
			const unlisten = await pg.listen(channel, callback);
			return () => unlisten();
		},
		async notify(channel, payload) {
			await pg.query('SELECT pg_notify($1, $2)', [channel, payload]);
		},
		close: () => pg.close()
	};
}
