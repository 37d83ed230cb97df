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
	reportRecord
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
