/**
 * OpenAPI 3.1 description of the hub API. tests/server/openapi.test.ts keeps it true: every
 * route under src/routes/api/v1 has a path here, and real responses validate against these
 * schemas.
 */
import { errorCodes } from '$lib/domain/errors';
import { acceptedProtocols, limits } from '$lib/domain/protocol';
import { recordTypes } from '$lib/domain/records';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const jsonBody = (schema: object, description: string) => ({
	description,
	content: { 'application/json': { schema } }
});
const error = (description: string) => jsonBody(ref('Error'), description);
const uuid = { type: 'string', format: 'uuid' };
const cursor = { type: 'string', pattern: '^[a-z0-9]{1,32}\\.\\d{1,15}$' };
const space = { type: 'string', pattern: '^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$' };
const fieldValue = { type: ['string', 'number', 'boolean', 'null'] };
const status = { type: 'string', enum: ['applied', 'duplicate', 'rejected'] };
const spaceParam = { name: 'space', in: 'query', required: true, schema: space };

const schemas = {
	Error: {
		type: 'object',
		required: ['error'],
		additionalProperties: false,
		properties: {
			error: {
				type: 'object',
				required: ['code', 'message'],
				additionalProperties: false,
				properties: { code: { type: 'string', enum: [...errorCodes] }, message: { type: 'string' } }
			}
		}
	},
	Mutation: {
		type: 'object',
		required: ['id', 'type', 'space', 'hlc', 'patch'],
		additionalProperties: false,
		properties: {
			id: uuid,
			type: { type: 'string', enum: Object.keys(recordTypes) },
			space,
			hlc: { type: 'string', description: 'Hybrid logical clock: WALL15:COUNTER6:NODE' },
			patch: { type: 'object', additionalProperties: fieldValue }
		}
	},
	PushRequest: {
		type: 'object',
		required: ['protocol', 'deviceId', 'participant', 'batches'],
		additionalProperties: false,
		properties: {
			protocol: { type: 'integer', enum: [...acceptedProtocols] },
			deviceId: uuid,
			participant: uuid,
			batches: {
				type: 'array',
				minItems: 1,
				maxItems: limits.batchesPerPush,
				items: {
					type: 'object',
					required: ['seq', 'mutations'],
					additionalProperties: false,
					properties: {
						seq: { type: 'integer', minimum: 1 },
						mutations: {
							type: 'array',
							minItems: 1,
							maxItems: limits.mutationsPerBatch,
							items: ref('Mutation')
						}
					}
				}
			}
		}
	},
	MutationResult: {
		type: 'object',
		required: ['id', 'status'],
		additionalProperties: false,
		properties: { id: uuid, status, code: { type: 'string' }, message: { type: 'string' } }
	},
	PushResponse: {
		type: 'object',
		required: ['protocol', 'results', 'checkpoints'],
		additionalProperties: false,
		properties: {
			protocol: { type: 'integer' },
			results: {
				type: 'array',
				items: {
					type: 'object',
					required: ['seq', 'status', 'mutations'],
					additionalProperties: false,
					properties: {
						seq: { type: 'integer' },
						status,
						code: { type: 'string' },
						message: { type: 'string' },
						mutations: { type: 'array', items: ref('MutationResult') }
					}
				}
			},
			checkpoints: { type: 'object', additionalProperties: cursor }
		}
	},
	RemoteRecord: {
		type: 'object',
		required: ['id', 'type', 'space', 'author', 'fields', 'clocks'],
		additionalProperties: false,
		properties: {
			id: uuid,
			type: { type: 'string', enum: Object.keys(recordTypes) },
			space,
			author: uuid,
			fields: { type: 'object', additionalProperties: fieldValue },
			clocks: { type: 'object', additionalProperties: { type: 'string' } }
		}
	},
	PullResponse: {
		type: 'object',
		required: ['changes', 'cursor', 'more'],
		additionalProperties: false,
		properties: {
			changes: { type: 'array', items: ref('RemoteRecord') },
			cursor,
			more: { type: 'boolean' }
		}
	},
	Health: {
		type: 'object',
		required: ['status', 'engine', 'epoch', 'version'],
		additionalProperties: false,
		properties: {
			status: { const: 'ok' },
			engine: { type: 'string', enum: ['pglite', 'postgres'] },
			epoch: { type: 'string' },
			version: { type: 'string' }
		}
	}
};

export const openapi = {
	openapi: '3.1.0',
	info: {
		title: 'Plaza hub API',
		version: '1',
		description:
			'Sync protocol v1 (docs/sync-protocol.md). Every error is { error: { code, message } }; ' +
			'every request may carry Authorization: Bearer <token> (ignored until accounts exist).'
	},
	paths: {
		'/api/v1/sync/push': {
			post: {
				summary: 'Push outbox rows (batches of mutations)',
				requestBody: { required: true, ...jsonBody(ref('PushRequest'), 'Outbox rows') },
				responses: {
					200: jsonBody(ref('PushResponse'), 'A result per batch and per mutation'),
					400: error('Malformed request; nothing written'),
					413: error(`Body larger than ${limits.pushBytes} bytes`),
					415: error('Body is not application/json'),
					426: error('Unsupported protocol version'),
					500: error('Hub failure')
				}
			}
		},
		'/api/v1/sync/pull': {
			get: {
				summary: 'Changes of a space after a cursor',
				parameters: [
					spaceParam,
					{ name: 'after', in: 'query', required: false, schema: cursor },
					{
						name: 'limit',
						in: 'query',
						required: false,
						schema: { type: 'integer', minimum: 1, maximum: limits.pullMax }
					},
					{ name: 'protocol', in: 'query', required: false, schema: { type: 'integer' } }
				],
				responses: {
					200: jsonBody(ref('PullResponse'), 'Latest state of changed records, in cursor order'),
					400: error('Invalid query'),
					409: error('must-refetch: unknown epoch, or cursor behind the tombstone horizon'),
					426: error('Unsupported protocol version')
				}
			}
		},
		'/api/v1/events': {
			get: {
				summary: 'Server-Sent Events: `event: change` with data {"cursor"} when the space changes',
				parameters: [spaceParam],
				responses: {
					200: {
						description: 'An event stream; a comment heartbeat every 25 s',
						content: { 'text/event-stream': { schema: { type: 'string' } } }
					},
					400: error('Invalid space')
				}
			}
		},
		'/api/v1/health': {
			get: {
				summary: 'Liveness and storage engine',
				responses: { 200: jsonBody(ref('Health'), 'The hub is up') }
			}
		},
		'/api/v1/openapi.json': {
			get: {
				summary: 'This document',
				responses: { 200: jsonBody({ type: 'object' }, 'OpenAPI 3.1 description') }
			}
		}
	},
	components: { schemas }
};
