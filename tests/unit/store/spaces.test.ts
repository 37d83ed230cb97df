import { beforeEach, describe, expect, it } from 'vitest';
import type { AccountView, PublicSpaceView } from '$lib/domain/auth';
import { watchedSpaces } from '$lib/store/remote';
import {
	cachedAccount,
	cachedSpaceInfo,
	joinedSpaces,
	saveJoin,
	setCachedAccount,
	setSpaceToken,
	spaceToken,
	spaceTokens
} from '$lib/store/spaces';
import { freshDb } from './fresh-db';

const info = (id: string, title: string): PublicSpaceView => ({
	id,
	title,
	purpose: 'Ideas for the park.',
	privacyNotice: 'Kept until 2027.',
	erasePolicy: 'anonymise',
	retentionUntil: '2027-06-30',
	published: false,
	status: 'open',
	kind: 'ideas',
	date: null,
	place: '',
	languages: []
});

beforeEach(() => {
	freshDb();
});

describe('participant tokens', () => {
	it('keeps one token per space and forgets one with null', async () => {
		await setSpaceToken('park', 'p1.a.b');
		await setSpaceToken('square', 'p1.c.d');
		await setSpaceToken('park', 'p1.e.f');
		expect(await spaceToken('park')).toBe('p1.e.f');
		expect(await spaceTokens()).toEqual({ park: 'p1.e.f', square: 'p1.c.d' });
		await setSpaceToken('park', null);
		expect(await spaceToken('park')).toBeUndefined();
		expect(await spaceTokens()).toEqual({ square: 'p1.c.d' });
	});
});

describe('saveJoin', () => {
	it('stores token and info, follows the space, and lists joined spaces by title', async () => {
		await saveJoin(info('zeta', 'Allotments'), 'p1.z');
		await saveJoin(info('alpha', 'Station square'), 'p1.a');
		expect(await spaceToken('zeta')).toBe('p1.z');
		expect((await cachedSpaceInfo('zeta'))?.privacyNotice).toBe('Kept until 2027.');
		expect(await watchedSpaces()).toEqual(['zeta', 'alpha']);
		const joined = await joinedSpaces();
		expect(joined.map((space) => space.info?.title)).toEqual(['Allotments', 'Station square']);
	});

	it('lists a space with a token but no cached info by its id', async () => {
		await setSpaceToken('bare', 'p1.x');
		expect(await joinedSpaces()).toEqual([{ id: 'bare' }]);
	});
});

describe('cached account', () => {
	it('is null until set, then survives until cleared', async () => {
		const account: AccountView = {
			id: 'a1',
			organisation: 'o1',
			organisationName: 'City of Gent',
			role: 'facilitator',
			email: 'fa@example.org',
			name: 'Fa',
			operator: false
		};
		expect(await cachedAccount()).toBeNull();
		await setCachedAccount(account);
		expect(await cachedAccount()).toEqual(account);
		await setCachedAccount(null);
		expect(await cachedAccount()).toBeNull();
	});
});
