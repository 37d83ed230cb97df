/**
 * The hub's public configuration (`GET /api/v1/config`: the map tile source) as last fetched,
 * kept in `meta` so a map opens offline with the tile source it had.
 */
import type { HubConfig } from '$lib/domain/map';
import { getDb } from './db';
import { getMeta, metaKeys, setMeta } from './meta';

/** The cached hub configuration, if this device ever fetched it. */
export async function cachedHubConfig(): Promise<HubConfig | undefined> {
	return getMeta<HubConfig>(getDb(), metaKeys.hubConfig);
}

export async function cacheHubConfig(config: HubConfig): Promise<void> {
	await setMeta(getDb(), metaKeys.hubConfig, config);
}
