/**
 * The facilitator's list of spaces, kept in localStorage so it still opens offline. It holds
 * titles and join codes only (no participant data), and is cleared on logout.
 */
import type { SpaceView } from '$lib/domain/auth';
import { PlazaError } from '$lib/domain/errors';

const storageKey = 'plaza.staff.spaces';

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function defaultStore(): KeyValueStore | undefined {
	try {
		return typeof localStorage === 'undefined' ? undefined : localStorage;
	} catch {
		return undefined;
	}
}

export function cachedSpaces(store = defaultStore()): SpaceView[] | null {
	try {
		const value: unknown = JSON.parse(store?.getItem(storageKey) ?? 'null');
		return Array.isArray(value) ? (value as SpaceView[]) : null;
	} catch {
		return null;
	}
}

export function cacheSpaces(spaces: SpaceView[] | null, store = defaultStore()): void {
	try {
		if (spaces === null) store?.removeItem(storageKey);
		else store?.setItem(storageKey, JSON.stringify(spaces));
	} catch {
		// Storage refused (private window): the list simply needs the hub next time.
	}
}

export interface SpaceList {
	spaces: SpaceView[];
	/** True when the hub could not be reached and the list is the device's last copy. */
	offline: boolean;
}

/** The hub's list, remembered; the remembered one when the hub cannot be reached. */
export async function loadSpaces(
	fetchSpaces: () => Promise<SpaceView[]>,
	store = defaultStore()
): Promise<SpaceList> {
	try {
		const spaces = await fetchSpaces();
		cacheSpaces(spaces, store);
		return { spaces, offline: false };
	} catch (error) {
		const cached = error instanceof PlazaError && error.code === 'network' && cachedSpaces(store);
		if (cached) return { spaces: cached, offline: true };
		throw error;
	}
}

/** One space from the hub; offline, the device's copy from the last list. */
export async function loadSpace(
	id: string,
	fetchSpace: (id: string) => Promise<SpaceView>,
	store = defaultStore()
): Promise<{ space: SpaceView; offline: boolean }> {
	try {
		return { space: await fetchSpace(id), offline: false };
	} catch (error) {
		const offline = error instanceof PlazaError && error.code === 'network';
		const cached = offline ? cachedSpaces(store)?.find((space) => space.id === id) : undefined;
		if (cached) return { space: cached, offline: true };
		throw error;
	}
}
