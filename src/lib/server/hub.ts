/**
 * The hub: one database, its schema up to date, the sync operations and the live channel.
 * Tests call `createHub` with their own database; the app uses the process-wide `getHub()`.
 */
import type { Actor } from '$lib/domain/auth';
import type { PullResponse, PushRequest, PushResponse } from '$lib/domain/protocol';
import { openDbFromEnv, type Db } from './db/client';
import { migrate } from './db/migrate';
import { applyRetention } from './privacy/retention';
import { LiveChannel } from './sync/live';
import { pullChanges, purgeTombstones, type PullOptions } from './sync/pull';
import { pushBatches } from './sync/push';

export interface Hub {
	readonly db: Db;
	/** Changes when the hub's data is reset; part of every cursor. */
	readonly epoch: string;
	readonly live: LiveChannel;
	/**
	 * Applies a validated push by `actor`, each mutation authorised on its own; `now` (ms) is
	 * the hub clock used for the HLC clamp.
	 */
	push(request: PushRequest, actor: Actor, now?: number): Promise<PushResponse>;
	/** Pulls a space; the caller has checked `canPull` and says whether hidden records show. */
	pull(options: PullOptions): Promise<PullResponse>;
	/** Tells live subscribers about committed changes (space → its new cursor seq). */
	announce(changed: Map<string, number>): Promise<void>;
	purgeTombstones(now?: number): Promise<number>;
	/** Closes the spaces past their retention date and removes their participants. */
	applyRetention(now?: number): Promise<string[]>;
	/** Stops the live channel and the daily purge, then closes the database. */
	close(): Promise<void>;
}

export interface HubOptions {
	/** How often tombstones are purged and retention applied; 0 turns the timer off (tests). */
	purgeEveryMs?: number;
}

export async function createHub(db: Db, options: HubOptions = {}): Promise<Hub> {
	const epoch = await migrate(db);
	const live = new LiveChannel(db);
	await live.start();
	const daily = async () => {
		await purgeTombstones(db);
		await applyRetention(db);
	};
	await daily();
	const purgeEveryMs = options.purgeEveryMs ?? 86_400_000;
	const timer =
		purgeEveryMs > 0
			? setInterval(() => {
					daily().catch((error) => console.error('plaza: daily upkeep failed', error));
				}, purgeEveryMs)
			: undefined;
	timer?.unref();
	const announce = async (changed: Map<string, number>) => {
		for (const [space, seq] of changed) {
			// The change is committed: a lost notice only delays clients until their next poll.
			await live.announce({ space, cursor: `${epoch}.${seq}` }).catch((error) => {
				console.error('plaza: notify failed', error);
			});
		}
	};
	return {
		db,
		epoch,
		live,
		async push(request, actor, now) {
			const { response, changed } = await pushBatches(db, epoch, request, actor, now);
			await announce(changed);
			return response;
		},
		pull: (options) => pullChanges(db, epoch, options),
		announce,
		purgeTombstones: (now) => purgeTombstones(db, now),
		applyRetention: (now) => applyRetention(db, now),
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
