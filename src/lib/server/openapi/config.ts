/**
 * OpenAPI path of the hub's public configuration (issue 5): the map tile source.
 */
import { jsonBody, strict } from './common';

export const HubConfigSchema = strict({
	tiles: strict({
		url: {
			type: 'string',
			description: 'Tile URL template with {z}, {x}, {y} (or {-y}), optionally {s} and {r}'
		},
		attribution: { type: 'string', description: 'Shown on every map (plain text)' },
		maxZoom: { type: 'integer', minimum: 1, maximum: 22 },
		bulkDownload: {
			type: 'boolean',
			description:
				'Whether the tile server allows saving areas for offline use; never true for ' +
				'OpenStreetMap’s own tile servers'
		},
		maxSavedTiles: {
			type: 'integer',
			minimum: 1,
			description: 'The most tiles one saved area holds'
		}
	})
});

export const configPaths = {
	'/api/v1/config': {
		get: {
			summary:
				'Public hub configuration the app needs (the map tile source); anyone; ' +
				'cache-control: public, max-age=300',
			responses: { 200: jsonBody(HubConfigSchema, 'The configuration') }
		}
	}
};
