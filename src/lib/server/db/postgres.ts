import pg from 'pg';
import type { Db, Queryable, Row } from './client';

type Client = pg.Pool | pg.PoolClient | pg.Client;

function wrap(client: Client): Queryable {
	return {
		async query<T = Row>(sql: string, params: unknown[] = []) {
			return (await client.query(sql, params)).rows as T[];
		},
		async exec(sql: string) {
			await client.query(sql);
		}
	};
}

function quoteIdent(name: string): string {
	return `"${name.replace(/"/g, '""')}"`;
}

/**
 * LISTEN holds a connection for good, so it gets its own client, opened on the first listen
 * and shared by every channel of this hub.
 */
class Listener {
	#client: pg.Client | undefined;
	#callbacks = new Map<string, Set<(payload: string) => void>>();

	constructor(private readonly config: pg.ClientConfig) {}

	async #connect(): Promise<pg.Client> {
		if (this.#client) return this.#client;
		const client = new pg.Client(this.config);
		client.on('notification', ({ channel, payload }) => {
			for (const callback of this.#callbacks.get(channel) ?? []) callback(payload ?? '');
		});
		// An idle LISTEN connection that drops would otherwise crash the process.
		client.on('error', (error) => console.error('plaza: LISTEN connection failed', error));
		await client.connect();
		this.#client = client;
		return client;
	}

	async listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>> {
		const client = await this.#connect();
		let callbacks = this.#callbacks.get(channel);
		if (!callbacks) {
			callbacks = new Set();
			this.#callbacks.set(channel, callbacks);
			await client.query(`LISTEN ${quoteIdent(channel)}`);
		}
		callbacks.add(callback);
		return async () => {
			callbacks.delete(callback);
			if (callbacks.size > 0 || this.#callbacks.get(channel) !== callbacks) return;
			this.#callbacks.delete(channel);
			await client.query(`UNLISTEN ${quoteIdent(channel)}`);
		};
	}

	async close(): Promise<void> {
		await this.#client?.end();
		this.#client = undefined;
	}
}

/** A PostgreSQL pool; `schema` (created when missing) goes first on every connection's path. */
export async function openPostgres(connectionString: string, schema?: string): Promise<Db> {
	const config: pg.ClientConfig = { connectionString };
	if (schema) {
		if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`Unusable schema name: ${schema}`);
		const setup = new pg.Client(config);
		await setup.connect();
		try {
			await setup.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
		} finally {
			await setup.end();
		}
		config.options = `-c search_path=${schema},public`;
	}
	const pool = new pg.Pool({ ...config, max: 10 });
	let closing = false;
	// pool.end() resolves before the sockets are closed; errors after that are not news.
	pool.on('error', (error) => {
		if (!closing) console.error('plaza: idle PostgreSQL connection failed', error);
	});
	const listener = new Listener(config);
	return {
		engine: 'postgres',
		...wrap(pool),
		async transaction(fn) {
			const client = await pool.connect();
			try {
				await client.query('BEGIN');
				const result = await fn(wrap(client));
				await client.query('COMMIT');
				return result;
			} catch (error) {
				await client.query('ROLLBACK').catch(() => undefined);
				throw error;
			} finally {
				client.release();
			}
		},
		listen: (channel, callback) => listener.listen(channel, callback),
		async notify(channel, payload) {
			await pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
		},
		async close() {
			closing = true;
			await listener.close();
			await pool.end();
		}
	};
}
