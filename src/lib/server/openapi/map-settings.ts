/**
 * The JSON Schema of a map space's settings (issue 5, MapSettingsSchema in domain/map.ts), used
 * in the space views and the create and update requests (./accounts.ts).
 */
import { categoryIcons } from '$lib/domain/map';
import { strict } from './common';

const instant = { type: ['string', 'null'], description: 'ISO 8601 instant, or null' };

export const mapSettings = strict({
	center: strict({
		lat: { type: 'number', minimum: -90, maximum: 90 },
		lng: { type: 'number', minimum: -180, maximum: 180 }
	}),
	zoom: { type: 'integer', minimum: 1, maximum: 19 },
	boundary: {
		type: ['object', 'null'],
		description: 'A GeoJSON Polygon or MultiPolygon ideas must fall in, or null for none',
		required: ['type', 'coordinates'],
		properties: {
			type: { type: 'string', enum: ['Polygon', 'MultiPolygon'] },
			coordinates: {
				type: 'array',
				minItems: 1,
				description:
					'Polygon: closed rings of [longitude, latitude] positions; MultiPolygon: a list of polygons',
				items: { type: 'array' }
			}
		}
	},
	categories: {
		type: 'array',
		minItems: 1,
		maxItems: 20,
		items: strict({
			id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,39}$' },
			label: { type: 'string' },
			colour: { type: 'string', pattern: '^#[0-9a-f]{6}$' },
			icon: { type: 'string', enum: [...categoryIcons] }
		})
	},
	opensAt: instant,
	closesAt: instant
}) as Record<string, unknown>;
