/**
 * The hub: one database, its schema up to date, the sync operations and the live channel.
 * Tests call `createHub` with their own database; the app uses the process-wide `getHub()`.
 */
import type { PullResponse, PushRequest, PushResponse } from '$lib/domain/protocol';
import { openDbFromEnv, type Db } from './db/client';
import { migrate } from './db/migrate';
import { LiveChannel } from './sync/live';
import { pullChanges, purgeTombstones, type PullOptions } from './sync/pull';
import { pushBatches } from './sync/push';

export interface Hub {
	readonly db: Db;
	/** Changes when the hub's data is reset; part of every cursor. */
	readonly epoch: string;
	readonly live: LiveChannel;
	/** Applies a validated push; `now` (ms) is the hub clock used for the HLC clamp. */
	push(request: PushRequest, now?: number): Promise<PushResponse>;
	pull(options: PullOptions): Promise<PullResponse>;
	purgeTombstones(now?: number): Promise<number>;
	/** Stops the live channel and the daily purge, then closes the database. */
	close(): Promise<void>;
}

export interface HubOptions {
	/** How often tombstones are purged; 0 turns the timer off (tests). Default: daily. */
	purgeEveryMs?: number;
}

export async function createHub(db: Db, options: HubOptions = {}): Promise<Hub> {
	const epoch = await migrate(db);
	const live = new LiveChannel(db);
	await live.start();
	await purgeTombstones(db);
	const purgeEveryMs = options.purgeEveryMs ?? 86_400_000;
	const timer =
		purgeEveryMs > 0
			? setInterval(() => {
					purgeTombstones(db).catch((error) => console.error('plaza: purge failed', error));
				}, purgeEveryMs)
			: undefined;
	timer?.unref();
	return {
		db,
		epoch,
		live,
		async push(request, now) {
			const { response, changed } = await pushBatches(db, epoch, request, now);
			for (const [space, seq] of changed) {
				// The push is committed: a lost notice only delays clients until their next poll.
				await live.announce({ space, cursor: `${epoch}.${seq}` }).catch((error) => {
					console.error('plaza: notify failed', error);
				});
			}
			return response;
		},
		pull: (options) => pullChanges(db, epoch, options),
		purgeTombstones: (now) => purgeTombstones(db, now),
		async close() {
			clearInterval(timer);
			await live.close();
			await db.close();
		}
	};
}

let processHub: Promise<Hub> | undefined;

/** The hub of this process, opened on first use from DATABASE_URL / PLAZA_DATA_DIR. */
export function getHub(): Promise<Hub> {
	if (!processHub) {
		processHub = openDbFromEnv().then((db) => createHub(db));
		// A failed start is retried by the next request instead of failing for ever.
		processHub.catch(() => (processHub = undefined));
	}
	return processHub;
}
