/**
 * GET /api/v1/config through the real route module: the hub's tile source from the
 * environment, documented in the OpenAPI description, readable by anyone.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openapi } from '../../src/lib/server/openapi';
import { validate } from './json-schema';

type Operation = { responses: Record<string, { content?: Record<string, { schema: object }> }> };
const doc = openapi as unknown as { paths: Record<string, Record<string, Operation>> };

async function getConfig(env: Record<string, string>): Promise<Response> {
	vi.resetModules();
	for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
	const route = await import('../../src/routes/api/v1/config/+server');
	const url = new URL('http://hub.test/api/v1/config');
	const event = {
		request: new Request(url),
		url,
		params: {},
		locals: {}
	} as unknown as RequestEvent;
	return (route.GET as (event: RequestEvent) => Response | Promise<Response>)(event);
}

describe('GET /api/v1/config', () => {
	afterEach(() => {
		vi.unstubAllEnvs();
	});

	it('answers the configured tile source, as documented, for anyone (no credentials)', async () => {
		const response = await getConfig({
			PLAZA_TILE_URL: 'http://127.0.0.1:4100/tiles/{z}/{x}/{y}.png',
			PLAZA_TILE_ATTRIBUTION: 'Test tiles',
			PLAZA_TILE_MAX_ZOOM: '18',
			PLAZA_TILE_BULK: 'allow',
			PLAZA_TILE_MAX_SAVED: '800'
		});
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe('public, max-age=300');
		const body = await response.json();
		expect(body).toEqual({
			tiles: {
				url: 'http://127.0.0.1:4100/tiles/{z}/{x}/{y}.png',
				attribution: 'Test tiles',
				maxZoom: 18,
				bulkDownload: true,
				maxSavedTiles: 800
			}
		});
		const schema = doc.paths['/api/v1/config']!.get!.responses['200']!.content!['application/json']!
			.schema as Record<string, unknown>;
		expect(validate(body, schema, openapi as unknown as Record<string, unknown>)).toEqual([]);
	});

	it('serves OpenStreetMap by default, with bulk download off even when asked for', async () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
		const response = await getConfig({ PLAZA_TILE_BULK: 'allow' });
		const body = (await response.json()) as { tiles: { url: string; bulkDownload: boolean } };
		expect(body.tiles.url).toBe('https://tile.openstreetmap.org/{z}/{x}/{y}.png');
		expect(body.tiles.bulkDownload).toBe(false);
		expect(warn).toHaveBeenCalledWith(expect.stringMatching(/PLAZA_TILE_BULK=allow is ignored/));
		warn.mockRestore();
	});

	it('refuses to start with a value that does not parse', async () => {
		await expect(getConfig({ PLAZA_TILE_MAX_ZOOM: 'twenty' })).rejects.toThrow(
			/PLAZA_TILE_MAX_ZOOM must be a whole number/
		);
	});
});
