/** The spaces this device has opened, most recent first, remembered in localStorage. */
const storageKey = 'plaza.spaces';
const keep = 20;

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

function defaultStore(): KeyValueStore | undefined {
	try {
		return typeof localStorage === 'undefined' ? undefined : localStorage;
	} catch {
		return undefined;
	}
}

export function recentSpaces(store = defaultStore()): string[] {
	try {
		const value: unknown = JSON.parse(store?.getItem(storageKey) ?? '[]');
		return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];
	} catch {
		return [];
	}
}

/** Moves `space` to the front of the list; returns the new list. */
export function rememberSpace(space: string, store = defaultStore()): string[] {
	const spaces = [space, ...recentSpaces(store).filter((item) => item !== space)].slice(0, keep);
	try {
		store?.setItem(storageKey, JSON.stringify(spaces));
	} catch {
		// Storage refused (private window): the list lasts for this visit only.
	}
	return spaces;
}
