/**
 * One database interface over the hub's two engines: PGlite (PostgreSQL in WebAssembly, a data
 * folder, no server) and PostgreSQL (`pg` pool, chosen by DATABASE_URL). Same SQL, parameterised
 * only. `listen`/`notify` carry "a space changed" across hub processes on one PostgreSQL.
 */
import { openPglite } from './pglite';
import { openPostgres } from './postgres';

export type Row = Record<string, unknown>;

/** Anything SQL can be sent to: the database itself or an open transaction. */
export interface Queryable {
	query<T = Row>(sql: string, params?: unknown[]): Promise<T[]>;
	/** Runs a script of several statements without parameters (migrations). */
	exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
	readonly engine: 'pglite' | 'postgres';
	/** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
	transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
	/** Calls `callback` with each payload sent to `channel`; resolves to the unsubscribe function. */
	listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>>;
	notify(channel: string, payload: string): Promise<void>;
	close(): Promise<void>;
}

export interface DbOptions {
	/** A PostgreSQL connection string; when absent, PGlite is used. */
	databaseUrl?: string;
	/** PGlite data folder, or `memory://` for an in-memory database (tests). */
	dataDir?: string;
	/** PostgreSQL only: use (and create) this schema through `search_path`, to isolate tests. */
	schema?: string;
}

export function openDb(options: DbOptions): Promise<Db> {
	if (options.databaseUrl) return openPostgres(options.databaseUrl, options.schema);
	return openPglite(options.dataDir ?? './data');
}

/** The database the environment asks for: DATABASE_URL, else PLAZA_DATA_DIR (default ./data). */
export function openDbFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<Db> {
	return openDb({ databaseUrl: env.DATABASE_URL, dataDir: env.PLAZA_DATA_DIR ?? './data' });
}
