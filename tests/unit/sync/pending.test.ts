import { beforeEach, describe, expect, it } from 'vitest';
import { createIdea } from '$lib/store/records';
import { getIdentity } from '$lib/store/identity';
import { Api } from '$lib/sync/api';
import { pendingChanges, pendingHeader } from '$lib/sync/pending';
import { pullSpace } from '$lib/sync/pull';
import { pushOutbox } from '$lib/sync/push';
import { ideaForm } from '$tests/fixtures/records';
import { freshDb } from '../store/fresh-db';
import { FakeHub } from './fake-hub';

let hub: FakeHub;
/** The `Plaza-Pending` header of every pull, by space. */
let reports: { space: string; pending: string | null }[];
let api: Api;

beforeEach(() => {
	freshDb();
	hub = new FakeHub();
	reports = [];
	api = new Api(async (input, init) => {
		const url = new URL(input, 'http://hub.test');
		if (url.pathname === '/api/v1/sync/pull')
			reports.push({
				space: url.searchParams.get('space') ?? '',
				pending: new Headers(init?.headers).get(pendingHeader)
			});
		return hub.fetch(input, init);
	});
});

describe('the pending report on pull', () => {
	it("tells the hub how many of the space's changes the device still holds", async () => {
		await createIdea('park', ideaForm());
		await createIdea('park', ideaForm({ title: 'Second idea' }));
		await createIdea('square', ideaForm());
		expect(await pendingChanges('park')).toBe(2);

		await pullSpace(api, 'park');
		await pullSpace(api, 'square');
		await pullSpace(api, 'quiet');
		expect(reports).toEqual([
			{ space: 'park', pending: '2' },
			{ space: 'square', pending: '1' },
			{ space: 'quiet', pending: '0' }
		]);

		await pushOutbox(api, await getIdentity());
		reports = [];
		await pullSpace(api, 'park');
		expect(reports).toEqual([{ space: 'park', pending: '0' }]);
	});

	it('does not count changes the hub refused: they wait for the person, not the network', async () => {
		const refused = await createIdea('park', ideaForm());
		hub.refuse.add(refused);
		await createIdea('park', ideaForm({ title: 'Accepted' }));
		await pushOutbox(api, await getIdentity());
		await createIdea('park', ideaForm({ title: 'Written after the push' }));
		expect(await pendingChanges('park')).toBe(1);
		await pullSpace(api, 'park');
		expect(reports).toEqual([{ space: 'park', pending: '1' }]);
	});
});
