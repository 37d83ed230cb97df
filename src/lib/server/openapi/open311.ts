/**
 * OpenAPI paths of idea-map interoperability (issue 5): the GeoJSON export, Open311 API keys
 * (staff) and Open311 GeoReport v2 (JSON; errors in the spec's own `[{ code, description }]`
 * format, not Plaza's). Field mapping: $lib/domain/open311.
 */
import { open311Limits } from '$lib/domain/open311';
import { dateTime, error, jsonBody, noBody, pathParam, ref, spaceId, strict, uuid } from './common';
import { badLanguage, languageQuery, languagesSummary } from './workshop';

const space = pathParam('space', spaceId);
const staffErrors = {
	401: error('unauthorised: log in first'),
	403: error('forbidden: only the staff of this space'),
	404: error('unknown-space')
};
const nullable = (type: string) => ({ type: [type, 'null'] });
const open311Error = (description: string) => jsonBody(ref('Open311Errors'), description);

export const open311Schemas = {
	ApiKey: strict({
		id: uuid,
		label: { type: 'string' },
		participant: { ...uuid, description: 'The participant the key writes as' },
		createdAt: dateTime,
		createdBy: { ...nullable('string'), description: 'Name of the account that made it' },
		revokedAt: nullable('string'),
		lastUsedAt: nullable('string')
	}),
	Open311Errors: {
		type: 'array',
		minItems: 1,
		items: strict({ code: { type: 'integer' }, description: { type: 'string' } })
	},
	Open311Service: strict({
		service_code: { type: 'string', description: 'The category id' },
		service_name: { type: 'string', description: 'The category label' },
		description: nullable('string'),
		metadata: { const: false },
		type: { const: 'realtime' },
		keywords: { const: 'idea', description: 'Ideas, not defects (as Klarschiff marks them)' },
		group: { ...nullable('string'), description: "The map space's title" }
	}),
	Open311Request: strict(
		{
			service_request_id: uuid,
			status: {
				type: 'string',
				enum: ['open', 'closed'],
				description: 'The space: open while it is open and within its period'
			},
			status_notes: nullable('string'),
			service_name: nullable('string'),
			service_code: { type: 'string' },
			description: { type: 'string', description: 'Title, a blank line, the text (≤ 4000)' },
			agency_responsible: { type: 'null' },
			service_notice: nullable('string'),
			requested_datetime: { ...dateTime, description: 'The idea’s createdAt' },
			updated_datetime: { ...dateTime, description: 'The hub’s last change of the idea' },
			expected_datetime: { type: 'null' },
			address: { type: 'null' },
			address_id: { type: 'null' },
			zipcode: { type: 'null' },
			lat: { ...nullable('number'), description: 'Centre of the geometry' },
			long: { ...nullable('number'), description: 'Centre of the geometry' },
			media_url: { ...nullable('string'), description: 'The first photo' },
			account_id: { type: 'null', description: 'POST answers only' },
			extended_attributes: strict({
				title: { type: 'string' },
				support: { type: 'integer', minimum: 0 },
				votes: { type: 'integer', minimum: 0, description: 'Same as support (Klarschiff)' },
				comments: { type: 'integer', minimum: 0 },
				geometry: { type: ['object', 'null'], description: 'GeoJSON Point|LineString|Polygon' },
				media_urls: { type: 'array', items: { type: 'string' } },
				category_colour: nullable('string')
			})
		},
		['account_id', 'extended_attributes']
	)
};

const jurisdiction = {
	name: 'jurisdiction_id',
	in: 'query',
	required: true,
	description: 'The id of a published map space of this hub',
	schema: spaceId
};
const extensions = {
	name: 'extensions',
	in: 'query',
	required: false,
	description: 'true adds extended_attributes (support and comment counts, geometry, photos)',
	schema: { type: 'string', enum: ['true', 'false'] }
};
const query = (name: string, description: string) => ({
	name,
	in: 'query',
	required: false,
	description,
	schema: { type: 'string' }
});
const requests = (description: string) =>
	jsonBody({ type: 'array', items: ref('Open311Request') }, description);
const getErrors = {
	400: open311Error('jurisdiction_id was not provided, or a parameter is not valid'),
	404: open311Error('jurisdiction_id (a published map space) was not found')
};

export const open311Paths = {
	'/api/v1/spaces/{space}/export.geojson': {
		get: {
			summary:
				'The visible ideas of a map space as an RFC 7946 FeatureCollection (application/geo+json) ' +
				'with foreign members licence, dataCard and languages (per language over the whole ' +
				'space: [{ language, contributions, people }], most contributions first, not ' +
				'suppressed); Feature properties: id, title, description, category, categoryLabel, ' +
				'support, comments, language, createdAt, updatedAt, photos (staff). With `language`, ' +
				'only the ideas written in it, their comments counted in it too',
			parameters: [space, languageQuery],
			responses: {
				200: {
					description: 'GeoJSON, as a download',
					content: {
						'application/geo+json': {
							schema: { type: 'object', properties: { languages: languagesSummary } }
						}
					}
				},
				400: badLanguage,
				...staffErrors,
				404: error('unknown-space, or not-found: the space has no map')
			}
		}
	},
	'/api/v1/spaces/{space}/api-keys': {
		get: {
			summary: 'The Open311 API keys of a map space, never the keys themselves (staff)',
			parameters: [space],
			responses: {
				200: jsonBody(
					strict({ keys: { type: 'array', items: ref('ApiKey') } }),
					'Oldest first, revoked ones included'
				),
				...staffErrors
			}
		},
		post: {
			summary:
				'Create an Open311 API key: a participant of the space named by the label; the key is ' +
				'in this answer only, the hub keeps its SHA-256 (staff; audit-logged)',
			parameters: [space],
			requestBody: {
				required: true,
				...jsonBody(strict({ label: { type: 'string', minLength: 1, maxLength: 60 } }), 'Label')
			},
			responses: {
				201: jsonBody(
					strict({
						key: ref('ApiKey'),
						secret: { type: 'string', pattern: '^o311_[A-Za-z0-9_-]{43}$' }
					}),
					'The key, shown once'
				),
				400: error('A bad label, or not a map space'),
				...staffErrors
			}
		}
	},
	'/api/v1/spaces/{space}/api-keys/{key}': {
		delete: {
			summary: 'Revoke an API key and its participant; idempotent (staff; audit-logged)',
			parameters: [space, pathParam('key', uuid)],
			responses: {
				204: noBody('Revoked'),
				...staffErrors,
				404: error('unknown-space, or not-found: no such key in this space')
			}
		}
	},
	'/api/v1/open311/v2/services.json': {
		get: {
			summary:
				'Open311 GET services: one per category of the map (keywords "idea", metadata false, ' +
				'type realtime, group = the map’s title); CORS *',
			parameters: [jurisdiction],
			responses: {
				200: jsonBody({ type: 'array', items: ref('Open311Service') }, 'The services'),
				...getErrors
			}
		}
	},
	'/api/v1/open311/v2/requests.json': {
		get: {
			summary:
				'Open311 GET service requests: the visible ideas of the map, newest first, at most ' +
				`${open311Limits.maxRequests}; CORS *`,
			parameters: [
				jurisdiction,
				query('service_request_id', 'Comma-separated ids; overrides every other filter'),
				query('service_code', 'Comma-separated category ids'),
				query('status', 'open, closed or both (comma-separated): the status of the space'),
				query('start_date', 'requested_datetime from (ISO 8601 with zone); default: 90 days ago'),
				query('end_date', 'requested_datetime until; at most 90 days after start_date'),
				extensions
			],
			responses: { 200: requests('Matching requests'), ...getErrors }
		},
		post: {
			summary:
				'Open311 POST service request: a point idea, written as the key’s participant through ' +
				'the push pipeline (category, boundary and open period rules). Form-urlencoded (or ' +
				'multipart, or JSON): jurisdiction_id, api_key, service_code, lat, long, description ' +
				'(first line = title), optional first_name, last_name (author name; else the key’s ' +
				'label), locale; media_url, address_string, email and attributes are ignored',
			requestBody: {
				required: true,
				content: {
					'application/x-www-form-urlencoded': { schema: { type: 'object' } },
					'application/json': { schema: { type: 'object' } }
				}
			},
			responses: {
				200: requests('A list of one: the new request with service_notice and account_id null'),
				400: open311Error(
					'jurisdiction_id not provided, a bad parameter, or the idea was refused (outside ' +
						'the boundary, the map is closed)'
				),
				403: open311Error('api_key not provided or not valid for this jurisdiction'),
				404: open311Error('jurisdiction_id or service_code not found'),
				413: open311Error('Body larger than 64 KiB'),
				429: open311Error('More than 60 POSTs a minute; see Retry-After')
			}
		}
	},
	'/api/v1/open311/v2/requests/{id}.json': {
		get: {
			summary: 'Open311 GET service request: a list of one; CORS *',
			parameters: [pathParam('id', uuid), jurisdiction, extensions],
			responses: {
				200: requests('The request'),
				400: getErrors[400],
				404: open311Error('jurisdiction_id or service_request_id not found')
			}
		}
	}
};
