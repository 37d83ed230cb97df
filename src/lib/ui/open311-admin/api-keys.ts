/**
 * The hub's Open311 API key and export endpoints of a map space, for its staff. Calls go through
 * the app's one fetch wrapper (`api` from $lib/sync/api) with the staff session cookie.
 */
import type { ApiKeyView, CreatedApiKey } from '$lib/domain/open311';
import { api } from '$lib/sync/api';

const keys = (space: string) => `/api/v1/spaces/${encodeURIComponent(space)}/api-keys`;

export const apiKeysApi = {
	list: async (space: string) => (await api.request<{ keys: ApiKeyView[] }>(keys(space))).keys,
	create: (space: string, label: string) =>
		api.request<CreatedApiKey>(keys(space), { method: 'POST', body: JSON.stringify({ label }) }),
	revoke: (space: string, id: string) =>
		api.request<undefined>(`${keys(space)}/${encodeURIComponent(id)}`, { method: 'DELETE' })
};

/** Where city systems read and write this map (absolute, for pasting into their settings). */
export function open311Links(origin: string, space: string) {
	const base = `${origin}/api/v1/open311/v2/`;
	const jurisdiction = `jurisdiction_id=${encodeURIComponent(space)}`;
	return {
		base,
		services: `${base}services.json?${jurisdiction}`,
		requests: `${base}requests.json?${jurisdiction}&extensions=true`,
		geojson: `/api/v1/spaces/${encodeURIComponent(space)}/export.geojson`
	};
}
