/**
 * The hub's public configuration (`GET /api/v1/config`: the map tile source) on the device.
 * Fetched through the one fetch wrapper and kept in the store's `meta`, so a map opens offline
 * with the tile source it had. Stale-while-revalidate: a device that has a copy uses it at once
 * (a map in a hall with a weak network does not wait) and refreshes it in the background for
 * the next map; a device without one asks the hub and says `needs-connection` when it cannot.
 */
import { PlazaError } from '$lib/domain/errors';
import type { HubConfig } from '$lib/domain/map';
import { cachedHubConfig, cacheHubConfig } from '$lib/store/hub-config';
import { api as defaultApi, type Api } from './api';

/** Whether `value` has the shape of a `HubConfig` (an old or foreign hub may answer otherwise). */
export function isHubConfig(value: unknown): value is HubConfig {
	const tiles = (value as { tiles?: Record<string, unknown> } | null)?.tiles;
	return (
		typeof tiles === 'object' &&
		tiles !== null &&
		typeof tiles.url === 'string' &&
		typeof tiles.attribution === 'string' &&
		typeof tiles.maxZoom === 'number' &&
		typeof tiles.bulkDownload === 'boolean' &&
		typeof tiles.maxSavedTiles === 'number'
	);
}

/** Asks the hub and keeps the answer; `needs-connection` when the hub cannot be reached. */
export async function fetchHubConfig(client: Api = defaultApi): Promise<HubConfig> {
	let config: unknown;
	try {
		config = await client.request<unknown>('/api/v1/config');
	} catch (error) {
		if (error instanceof PlazaError && error.code === 'network')
			throw new PlazaError('needs-connection', 'This needs a connection to the hub.', 0);
		throw error;
	}
	if (!isHubConfig(config))
		throw new PlazaError('server-error', 'The hub sent a configuration Plaza cannot read.', 200);
	await cacheHubConfig(config).catch(() => undefined);
	return config;
}

let current: Promise<HubConfig> | undefined;

async function load(client: Api): Promise<HubConfig> {
	const cached = await cachedHubConfig().catch(() => undefined);
	if (!cached || !isHubConfig(cached)) return fetchHubConfig(client);
	// Refresh for the next map; offline this fails quietly and the copy stays.
	fetchHubConfig(client).then(
		(fresh) => void (current = Promise.resolve(fresh)),
		() => undefined
	);
	return cached;
}

/**
 * The hub configuration for this page: the device's copy when it has one (refreshed in the
 * background), the hub's answer otherwise. Asked once per page load.
 */
export function hubConfig(client: Api = defaultApi): Promise<HubConfig> {
	current ??= load(client).catch((error: unknown) => {
		current = undefined;
		throw error;
	});
	return current;
}

/** Forgets this page's copy, so the next `hubConfig()` reads the store again (tests). */
export function forgetHubConfig(): void {
	current = undefined;
}
