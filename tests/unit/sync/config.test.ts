import { beforeEach, describe, expect, it } from 'vitest';
import { PlazaError } from '$lib/domain/errors';
import type { HubConfig } from '$lib/domain/map';
import { cachedHubConfig, cacheHubConfig } from '$lib/store/hub-config';
import { Api, type FetchLike } from '$lib/sync/api';
import { fetchHubConfig, forgetHubConfig, hubConfig, isHubConfig } from '$lib/sync/config';
import { freshDb } from '../store/fresh-db';

const config = (url: string): HubConfig => ({
	tiles: { url, attribution: 'Tiles', maxZoom: 19, bulkDownload: true, maxSavedTiles: 5000 }
});
const first = config('http://tiles.test/{z}/{x}/{y}.png');
const second = config('http://other-tiles.test/{z}/{x}/{y}.png');

/** A hub answering GET /api/v1/config with `answer`, or unreachable while `answer` is null. */
function hub(answer: () => unknown) {
	const calls: string[] = [];
	const fetchFn: FetchLike = async (input) => {
		calls.push(input);
		const body = answer();
		if (body === null) throw new TypeError('Failed to fetch');
		return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
	};
	return { client: new Api(fetchFn, 'http://hub.test'), calls };
}

beforeEach(() => {
	freshDb();
	forgetHubConfig();
});

describe('hub configuration on the device', () => {
	it('asks the hub on first use and keeps the answer in the store', async () => {
		const { client, calls } = hub(() => first);
		expect(await hubConfig(client)).toEqual(first);
		expect(calls).toEqual(['http://hub.test/api/v1/config']);
		expect(await cachedHubConfig()).toEqual(first);
	});

	it('asks once per page', async () => {
		const { client, calls } = hub(() => first);
		await hubConfig(client);
		await hubConfig(client);
		expect(calls).toHaveLength(1);
	});

	it('offline, answers the kept copy', async () => {
		await cacheHubConfig(first);
		const { client } = hub(() => null);
		expect(await hubConfig(client)).toEqual(first);
	});

	it('uses the kept copy at once and refreshes it for the next page', async () => {
		await cacheHubConfig(first);
		const { client, calls } = hub(() => second);
		expect(await hubConfig(client)).toEqual(first);
		await expect.poll(() => cachedHubConfig()).toEqual(second);
		expect(calls).toHaveLength(1);
		forgetHubConfig();
		expect(await hubConfig(client)).toEqual(second);
	});

	it('says needs-connection with no copy and no hub, and tries again next time', async () => {
		let online = false;
		const { client } = hub(() => (online ? first : null));
		const failure = await hubConfig(client).catch((error: unknown) => error);
		expect(failure).toBeInstanceOf(PlazaError);
		expect((failure as PlazaError).code).toBe('needs-connection');
		online = true;
		expect(await hubConfig(client)).toEqual(first);
	});

	it('refuses an answer that is not a configuration, and keeps nothing', async () => {
		const { client } = hub(() => ({ tiles: { url: 42 } }));
		await expect(fetchHubConfig(client)).rejects.toMatchObject({ code: 'server-error' });
		expect(await cachedHubConfig()).toBeUndefined();
		expect(isHubConfig(first)).toBe(true);
		expect(isHubConfig(null)).toBe(false);
	});
});
