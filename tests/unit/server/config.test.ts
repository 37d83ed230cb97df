import { describe, expect, it, vi } from 'vitest';
import {
	ConfigError,
	handleConfig,
	parseHubConfig,
	parseTileConfig,
	tileSourceOrigins
} from '../../../src/lib/server/config';
import { isOpenStreetMapHost } from '../../../src/lib/domain/tiles';

const fixture = 'http://127.0.0.1:4100/tiles/{z}/{x}/{y}.png';

describe('tile configuration', () => {
	it('defaults to OpenStreetMap’s standard tiles, no bulk download, 5000 saved tiles', () => {
		const warn = vi.fn();
		expect(parseTileConfig({}, warn)).toEqual({
			url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
			attribution: '© OpenStreetMap contributors',
			maxZoom: 19,
			bulkDownload: false,
			maxSavedTiles: 5000
		});
		expect(warn).not.toHaveBeenCalled();
	});

	it('reads every PLAZA_TILE_* variable', () => {
		const config = parseHubConfig({
			PLAZA_TILE_URL: fixture,
			PLAZA_TILE_ATTRIBUTION: ' © City of Hamburg ',
			PLAZA_TILE_MAX_ZOOM: '18',
			PLAZA_TILE_BULK: 'allow',
			PLAZA_TILE_MAX_SAVED: '12000'
		});
		expect(config).toEqual({
			tiles: {
				url: fixture,
				attribution: '© City of Hamburg',
				maxZoom: 18,
				bulkDownload: true,
				maxSavedTiles: 12000
			}
		});
	});

	it('treats empty variables as unset and "deny" as no bulk download', () => {
		const config = parseTileConfig({
			PLAZA_TILE_URL: '',
			PLAZA_TILE_MAX_ZOOM: ' ',
			PLAZA_TILE_BULK: 'deny'
		});
		expect(config.url).toBe('https://tile.openstreetmap.org/{z}/{x}/{y}.png');
		expect(config.maxZoom).toBe(19);
		expect(config.bulkDownload).toBe(false);
	});

	it.each([
		'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
		'https://a.tile.openstreetmap.org/{z}/{x}/{y}.png',
		'https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png',
		'https://openstreetmap.org/{z}/{x}/{y}.png',
		'https://TILE.OpenStreetMap.ORG/{z}/{x}/{y}.png'
	])('never allows bulk download from OpenStreetMap (%s), and warns', (url) => {
		const warn = vi.fn();
		const config = parseTileConfig({ PLAZA_TILE_URL: url, PLAZA_TILE_BULK: 'allow' }, warn);
		expect(config.bulkDownload).toBe(false);
		expect(warn).toHaveBeenCalledOnce();
		expect(warn.mock.calls[0]![0]).toMatch(/tile usage policy/);
	});

	it('allows bulk download from a host that only looks like OpenStreetMap', () => {
		const warn = vi.fn();
		const url = 'https://tiles.notopenstreetmap.org/{z}/{x}/{y}.png';
		expect(parseTileConfig({ PLAZA_TILE_URL: url, PLAZA_TILE_BULK: 'allow' }, warn)).toMatchObject({
			bulkDownload: true
		});
		expect(warn).not.toHaveBeenCalled();
		expect(isOpenStreetMapHost('openstreetmap.org.evil.example')).toBe(false);
		expect(isOpenStreetMapHost('tile.openstreetmap.org.')).toBe(true);
	});

	it.each([
		[{ PLAZA_TILE_URL: 'https://tiles.example/{z}/{x}.png' }, /PLAZA_TILE_URL must contain \{y\}/],
		[{ PLAZA_TILE_URL: 'https://tiles.example/{x}/{y}.png' }, /PLAZA_TILE_URL must contain \{z\}/],
		[{ PLAZA_TILE_URL: 'tiles/{z}/{x}/{y}.png' }, /PLAZA_TILE_URL is not a URL template/],
		[{ PLAZA_TILE_URL: 'ftp://tiles.example/{z}/{x}/{y}.png' }, /http\(s\)/],
		[{ PLAZA_TILE_URL: 'https://u:p@tiles.example/{z}/{x}/{y}.png' }, /password/],
		[{ PLAZA_TILE_MAX_ZOOM: '25' }, /PLAZA_TILE_MAX_ZOOM must be a whole number from 1 to 22/],
		[{ PLAZA_TILE_MAX_ZOOM: '17.5' }, /PLAZA_TILE_MAX_ZOOM/],
		[{ PLAZA_TILE_MAX_ZOOM: 'high' }, /PLAZA_TILE_MAX_ZOOM/],
		[{ PLAZA_TILE_BULK: 'yes' }, /PLAZA_TILE_BULK must be "allow" or "deny"/],
		[{ PLAZA_TILE_MAX_SAVED: '0' }, /PLAZA_TILE_MAX_SAVED must be a whole number from 1 to 100000/],
		[{ PLAZA_TILE_MAX_SAVED: '-5' }, /PLAZA_TILE_MAX_SAVED/],
		[{ PLAZA_TILE_ATTRIBUTION: 'x'.repeat(501) }, /PLAZA_TILE_ATTRIBUTION/]
	])('refuses %o with a message naming the variable', (env, message) => {
		expect(() => parseTileConfig(env)).toThrow(ConfigError);
		expect(() => parseTileConfig(env)).toThrow(message);
	});

	it('gives the origins of the tile server for the Content-Security-Policy', () => {
		const config = parseHubConfig({ PLAZA_TILE_URL: 'https://{s}.tiles.example/{z}/{x}/{y}.png' });
		expect(tileSourceOrigins(config)).toEqual([
			'https://a.tiles.example',
			'https://b.tiles.example',
			'https://c.tiles.example'
		]);
	});

	it('answers GET /api/v1/config as public JSON that caches may keep briefly', async () => {
		const config = parseHubConfig({ PLAZA_TILE_URL: fixture, PLAZA_TILE_BULK: 'allow' });
		const response = handleConfig(config);
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe('public, max-age=300');
		expect(response.headers.get('content-type')).toMatch(/^application\/json/);
		expect(await response.json()).toEqual(config);
	});
});
