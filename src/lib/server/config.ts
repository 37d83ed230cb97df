/**
 * The hub's public configuration (`GET /api/v1/config`), read once from the environment. It is
 * the tile source of every map (`PLAZA_TILE_*`; README "Configuration"). A value that does
 * not parse fails start-up (hooks.server.ts `init` reads it) with a message naming the
 * variable, rather than a hub that serves maps with no tiles.
 *
 * OpenStreetMap's tile usage policy forbids bulk prefetching from its servers: for a tile URL
 * on openstreetmap.org (or a subdomain) `bulkDownload` is always false, whatever
 * `PLAZA_TILE_BULK` says, and a warning is logged when it said `allow`.
 */
import type { HubConfig, TileConfig } from '$lib/domain/map';
import { expandTemplate, fromOpenStreetMap, tileOrigins } from '$lib/domain/tiles';
import { json } from './http';

export const tileDefaults = {
	url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
	attribution: '© OpenStreetMap contributors',
	maxZoom: 19,
	maxSavedTiles: 5000
} as const;

/** The most tiles one saved area may be configured to hold. */
export const savedTilesLimit = 100_000;

/** A configuration value that does not parse; its message names the variable. */
export class ConfigError extends Error {
	override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function parseUrl(value: string): string {
	const name = 'PLAZA_TILE_URL';
	for (const part of ['{z}', '{x}']) {
		if (!value.includes(part))
			throw new ConfigError(`${name} must contain ${part}, e.g. ${tileDefaults.url} (${value}).`);
	}
	if (!value.includes('{y}') && !value.includes('{-y}'))
		throw new ConfigError(`${name} must contain {y}, e.g. ${tileDefaults.url} (${value}).`);
	let url: URL;
	try {
		url = new URL(expandTemplate(value, 0, 0, 0));
	} catch {
		throw new ConfigError(`${name} is not a URL template like ${tileDefaults.url} (${value}).`);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:')
		throw new ConfigError(`${name} must be an http(s) URL (${value}).`);
	if (url.username || url.password)
		throw new ConfigError(`${name} must not carry a user name or password (${value}).`);
	return value;
}

function parseInteger(name: string, value: string, min: number, max: number): number {
	const number = /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
	if (!Number.isSafeInteger(number) || number < min || number > max)
		throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (${value}).`);
	return number;
}

function parseBulk(value: string | undefined): boolean {
	const word = (value ?? '').trim().toLowerCase();
	if (word === '' || word === 'deny') return false;
	if (word === 'allow') return true;
	throw new ConfigError(`PLAZA_TILE_BULK must be "allow" or "deny" (${value}).`);
}

const given = (value: string | undefined) =>
	value !== undefined && value.trim() !== '' ? value.trim() : undefined;

/**
 * The tile configuration from `env`; throws a `ConfigError` for a value that does not parse.
 * `warn` hears about a setting Plaza overrides (bulk download from OpenStreetMap).
 */
export function parseTileConfig(
	env: Env,
	warn: (message: string) => void = (message) => console.warn(`plaza: ${message}`)
): TileConfig {
	const url = parseUrl(given(env.PLAZA_TILE_URL) ?? tileDefaults.url);
	const attribution = given(env.PLAZA_TILE_ATTRIBUTION) ?? tileDefaults.attribution;
	if (attribution.length > 500)
		throw new ConfigError('PLAZA_TILE_ATTRIBUTION has at most 500 characters.');
	const maxZoomText = given(env.PLAZA_TILE_MAX_ZOOM);
	const maxZoom = maxZoomText
		? parseInteger('PLAZA_TILE_MAX_ZOOM', maxZoomText, 1, 22)
		: tileDefaults.maxZoom;
	const maxSavedText = given(env.PLAZA_TILE_MAX_SAVED);
	const maxSavedTiles = maxSavedText
		? parseInteger('PLAZA_TILE_MAX_SAVED', maxSavedText, 1, savedTilesLimit)
		: tileDefaults.maxSavedTiles;
	let bulkDownload = parseBulk(env.PLAZA_TILE_BULK);
	if (bulkDownload && fromOpenStreetMap(url)) {
		warn(
			'PLAZA_TILE_BULK=allow is ignored: OpenStreetMap’s tile usage policy forbids bulk ' +
				'downloads from its tile servers. Use a tile server that allows it to save areas ' +
				'for offline use.'
		);
		bulkDownload = false;
	}
	return { url, attribution, maxZoom, bulkDownload, maxSavedTiles };
}

/** The public hub configuration from `env` (see `parseTileConfig`). */
export function parseHubConfig(env: Env, warn?: (message: string) => void): HubConfig {
	return { tiles: parseTileConfig(env, warn) };
}

let current: HubConfig | undefined;

/** The process's hub configuration, read from `process.env` on first use. */
export function hubConfig(): HubConfig {
	current ??= parseHubConfig(process.env);
	return current;
}

/** The origins map tiles come from, for the Content-Security-Policy. */
export function tileSourceOrigins(config: HubConfig = hubConfig()): string[] {
	if (origins?.config !== config) origins = { config, list: tileOrigins(config.tiles.url) };
	return origins.list;
}
let origins: { config: HubConfig; list: string[] } | undefined;

/** GET /api/v1/config: public, the same for everyone; caches may keep it five minutes. */
export function handleConfig(config: HubConfig = hubConfig()): Response {
	return json(config, 200, { 'cache-control': 'public, max-age=300' });
}
