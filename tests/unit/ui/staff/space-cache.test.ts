import { describe, expect, it } from 'vitest';
import type { SpaceView } from '$lib/domain/auth';
import { PlazaError } from '$lib/domain/errors';
import { cacheSpaces, cachedSpaces, loadSpace, loadSpaces } from '$lib/ui/staff/space-cache';

function memoryStore() {
	const data = new Map<string, string>();
	return {
		getItem: (key: string) => data.get(key) ?? null,
		setItem: (key: string, value: string) => void data.set(key, value),
		removeItem: (key: string) => void data.delete(key)
	};
}

const space = (id: string): SpaceView => ({
	id,
	title: `Space ${id}`,
	purpose: 'p',
	privacyNotice: 'n',
	erasePolicy: 'delete',
	retentionUntil: null,
	published: false,
	status: 'open',
	kind: 'ideas',
	date: null,
	place: '',
	languages: [],
	joinCode: 'K7MR2XQ9TB'
});

const offline = () => Promise.reject(new PlazaError('network', 'Failed to fetch', 0));

describe('space cache', () => {
	it('remembers the hub’s list and serves it when the hub cannot be reached', async () => {
		const store = memoryStore();
		const online = await loadSpaces(() => Promise.resolve([space('a'), space('b')]), store);
		expect(online).toEqual({ spaces: [space('a'), space('b')], offline: false });
		expect(await loadSpaces(offline, store)).toEqual({
			spaces: [space('a'), space('b')],
			offline: true
		});
		expect(await loadSpace('b', offline, store)).toEqual({ space: space('b'), offline: true });
	});

	it('passes the error on when nothing is cached or the hub refused', async () => {
		const store = memoryStore();
		await expect(loadSpaces(offline, store)).rejects.toMatchObject({ code: 'network' });
		cacheSpaces([space('a')], store);
		const refused = () => Promise.reject(new PlazaError('unauthorised', '', 401));
		await expect(loadSpaces(refused, store)).rejects.toMatchObject({ code: 'unauthorised' });
		await expect(loadSpace('zzz', offline, store)).rejects.toMatchObject({ code: 'network' });
	});

	it('forgets the list on logout and survives garbage', () => {
		const store = memoryStore();
		cacheSpaces([space('a')], store);
		cacheSpaces(null, store);
		expect(cachedSpaces(store)).toBeNull();
		store.setItem('plaza.staff.spaces', '{not json');
		expect(cachedSpaces(store)).toBeNull();
	});
});
