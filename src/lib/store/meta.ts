import { formatHlc, parseHlc, receive, tick, zeroHlc } from '$lib/domain/hlc';
import { newId } from '$lib/domain/ids';
import type { PlazaDb } from './db';

/** Who this device and person are; created on first use, never synced as a record. */
export interface Identity {
	deviceId: string;
	participant: string;
	displayName: string;
}

/** Sync bookkeeping per space. */
export interface SpaceMeta {
	/** The pull cursor (`epoch.seq`) this device has merged up to. */
	cursor?: string;
	/** The hub sequence that includes this device's last confirmed push. */
	checkpoint?: string;
}

export const metaKeys = {
	identity: 'identity',
	hlc: 'hlc',
	watched: 'watched',
	lastSyncedAt: 'lastSyncedAt',
	persistAsked: 'persistAsked',
	/** `{ [space]: participant token }` for every space this device joined. */
	tokens: 'tokens',
	/** The logged-in staff account (`AccountView`) or null, so staff pages work offline. */
	account: 'account',
	/** The hub's public configuration (`HubConfig`: the map tile source), for offline maps. */
	hubConfig: 'hubConfig',
	space: (space: string) => `space:${space}`,
	/** The public info (`PublicSpaceView`) of a joined space, for offline pages. */
	spaceInfo: (space: string) => `spaceInfo:${space}`
} as const;

export async function getMeta<T>(db: PlazaDb, key: string): Promise<T | undefined> {
	return (await db.meta.get(key))?.value as T | undefined;
}

export async function setMeta(db: PlazaDb, key: string, value: unknown): Promise<void> {
	await db.meta.put({ key, value });
}

/** The identity, created inside the caller's transaction when missing. */
export async function ensureIdentity(db: PlazaDb): Promise<Identity> {
	const existing = await getMeta<Identity>(db, metaKeys.identity);
	if (existing) return existing;
	const identity: Identity = { deviceId: newId(), participant: newId(), displayName: '' };
	await setMeta(db, metaKeys.identity, identity);
	return identity;
}

/**
 * A clock source bound to one transaction: reads the stored HLC once, hands out ticks, and
 * writes the last one back, so two tabs writing at once never reuse a timestamp.
 */
export async function openClock(db: PlazaDb, node: string) {
	const stored = await getMeta<string>(db, metaKeys.hlc);
	let last = stored ? { ...parseHlc(stored), node } : zeroHlc(node);
	return {
		tick(): string {
			last = tick(last, Date.now());
			return formatHlc(last);
		},
		receive(remote: string): void {
			last = receive(last, parseHlc(remote), Date.now());
		},
		save(): Promise<void> {
			return setMeta(db, metaKeys.hlc, formatHlc(last));
		}
	};
}
