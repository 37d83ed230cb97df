import { beforeEach, describe, expect, it } from 'vitest';
import type { PlazaDb } from '$lib/store/db';
import { getIdentity } from '$lib/store/identity';
import { myContributions } from '$lib/store/my-data';
import { createIdea } from '$lib/store/records';
import { cachedSpaceInfo, spaceToken } from '$lib/store/spaces';
import { Api } from '$lib/sync/api';
import { SyncEngine } from '$lib/sync/engine';
import {
	downloadMyData,
	eraseMyData,
	joinSpace,
	lookUpJoinCode,
	normaliseJoinCode,
	reportRecord,
	updateDisplayName
} from '$lib/sync/participant';
import { SyncStatus } from '$lib/sync/status.svelte';
import { ideaForm } from '$tests/fixtures/records';
import { freshDb } from '../store/fresh-db';
import { fakeEnv } from './fake-env';
import { FakeHub } from './fake-hub';

let hub: FakeHub;
let client: Api;
let db: PlazaDb;

beforeEach(() => {
	db = freshDb();
	hub = new FakeHub();
	client = new Api(hub.fetch, 'http://hub.test');
	hub.addSpace('K7MR2XQ9TB', { id: 'park', title: 'Park' });
});

async function sync() {
	const engine = new SyncEngine(() => fakeEnv(hub), new SyncStatus());
	engine.start();
	await engine.settled();
	engine.stop();
}

describe('join', () => {
	it('normalises a typed code', () => {
		expect(normaliseJoinCode(' k7mr-2xq9 tb ')).toBe('K7MR2XQ9TB');
	});

	it('looks a code up before joining; unknown codes say so', async () => {
		expect((await lookUpJoinCode('k7mr2xq9tb', client)).title).toBe('Park');
		await expect(lookUpJoinCode('NOPE', client)).rejects.toMatchObject({
			code: 'unknown-join-code'
		});
	});

	it('stores the token and public info, and sets the display name', async () => {
		const info = await joinSpace('k7mr2xq9tb', ' Ana ', client);
		const { participant, displayName } = await getIdentity();
		expect(hub.joins).toEqual([{ code: 'K7MR2XQ9TB', participant, displayName: 'Ana' }]);
		expect(displayName).toBe('Ana');
		expect(await spaceToken('park')).toBe(`tok-park-${participant}`);
		expect(info).not.toHaveProperty('joinCode');
		expect(await cachedSpaceInfo('park')).toEqual(info);
	});

	it('offline: needs-connection, nothing stored', async () => {
		hub.online = false;
		await expect(joinSpace('K7MR2XQ9TB', '', client)).rejects.toMatchObject({
			code: 'needs-connection'
		});
		expect(await spaceToken('park')).toBeUndefined();
	});
});

describe('report', () => {
	it("sends the reason with the space's token", async () => {
		await joinSpace('K7MR2XQ9TB', '', client);
		await reportRecord('park', 'rec-1', 'Insulting', client);
		expect(hub.reports).toEqual([
			{ space: 'park', record: 'rec-1', reason: 'Insulting', token: await spaceToken('park') }
		]);
	});
});

describe('my data', () => {
	it('downloads what the hub holds, then erases it on the hub and the device', async () => {
		await joinSpace('K7MR2XQ9TB', '', client);
		const id = await createIdea('park', ideaForm({ title: 'Mine' }));
		await sync();
		const data = await downloadMyData('park', client);
		expect(data.records.map((record) => record.id)).toEqual([id]);

		await eraseMyData('park', client);
		expect(hub.records.has(id)).toBe(false);
		expect(await myContributions('park')).toEqual([]);
		expect(await db.records.count()).toBe(0);
		expect(await spaceToken('park')).toBeUndefined();
		expect(await cachedSpaceInfo('park')).toBeUndefined();
	});

	it('keeps everything on the device when the hub cannot confirm the erase', async () => {
		await joinSpace('K7MR2XQ9TB', '', client);
		await createIdea('park', ideaForm());
		hub.online = false;
		await expect(eraseMyData('park', client)).rejects.toMatchObject({ code: 'needs-connection' });
		expect(await myContributions('park')).toHaveLength(1);
		expect(await spaceToken('park')).toBeDefined();
	});
});

describe('display name', () => {
	/** The fake hub plus PATCH /api/v1/me: 401 for a token it does not know. */
	function withRename(names: Map<string, string>) {
		return new Api(async (input, init = {}) => {
			const url = new URL(input, 'http://hub.test');
			if (url.pathname !== '/api/v1/me' || init.method !== 'PATCH') return hub.fetch(input, init);
			if (!hub.online) throw new TypeError('Failed to fetch');
			const space = url.searchParams.get('space') ?? '';
			const token = new Headers(init.headers).get('authorization')?.replace(/^Bearer /, '');
			if (!token || hub.tokens.get(token) !== space)
				return Response.json({ error: { code: 'unauthorised', message: 'no' } }, { status: 401 });
			const { displayName } = JSON.parse(String(init.body)) as { displayName: string };
			names.set(space, displayName);
			return Response.json({ displayName });
		}, 'http://hub.test');
	}

	it("sends the new name to every joined space with that space's token", async () => {
		hub.addSpace('A2B3C4D5E6', { id: 'harbour', title: 'Harbour' });
		await joinSpace('K7MR2XQ9TB', 'Ana', client);
		await joinSpace('A2B3C4D5E6', '', client);
		const names = new Map<string, string>();
		const result = await updateDisplayName('  Ana B. ', withRename(names));
		expect(result).toEqual({ updated: ['harbour', 'park'], failed: [] });
		expect([...names]).toEqual([
			['harbour', 'Ana B.'],
			['park', 'Ana B.']
		]);
		expect((await getIdentity()).displayName).toBe('Ana B.');
	});

	it('keeps the name on the device and reports the spaces the hub did not confirm', async () => {
		await joinSpace('K7MR2XQ9TB', '', client);
		hub.online = false;
		const names = new Map<string, string>();
		const result = await updateDisplayName('Ana', withRename(names));
		expect(result).toEqual({ updated: [], failed: [{ space: 'park', code: 'needs-connection' }] });
		expect(names.size).toBe(0);
		expect((await getIdentity()).displayName).toBe('Ana');
	});

	it('one refused space does not stop the others', async () => {
		hub.addSpace('A2B3C4D5E6', { id: 'harbour', title: 'Harbour' });
		await joinSpace('K7MR2XQ9TB', '', client);
		await joinSpace('A2B3C4D5E6', '', client);
		const park = String(await spaceToken('park'));
		hub.tokens.clear();
		hub.tokens.set(park, 'park');
		const result = await updateDisplayName('Ana', withRename(new Map()));
		expect(result).toEqual({
			updated: ['park'],
			failed: [{ space: 'harbour', code: 'unauthorised' }]
		});
	});

	it('with no joined space, only the device changes', async () => {
		const result = await updateDisplayName('', withRename(new Map()));
		expect(result).toEqual({ updated: [], failed: [] });
		expect((await getIdentity()).displayName).toBe('');
	});
});
