/**
 * OpenAPI 3.1 description of the hub API. tests/server/openapi.test.ts keeps it true: every
 * route under src/routes/api/v1 has a path here, and real responses validate against these
 * schemas. Sync lives in this file; each later area keeps its paths and schemas in a part of
 * its own under ./openapi/ (accounts.ts: accounts, spaces, joining; organisations.ts:
 * organisations, facilitators, display names) spread in below.
 */
import { errorCodes } from '$lib/domain/errors';
import { acceptedProtocols, limits } from '$lib/domain/protocol';
import { recordTypes } from '$lib/domain/records';
import { accountPaths, accountSchemas } from './openapi/accounts';
import { blobPaths } from './openapi/blobs';
import { error, jsonBody, ref, spaceId, uuid } from './openapi/common';
import { configPaths } from './openapi/config';
import { open311Paths, open311Schemas } from './openapi/open311';
import { organisationPaths, organisationSchemas } from './openapi/organisations';
import { pledgePaths, pledgeSchemas } from './openapi/pledge';
import { workshopPaths } from './openapi/workshop';

const cursor = { type: 'string', pattern: '^[a-z0-9]{1,32}\\.\\d{1,15}$' };
const space = spaceId;
const fieldValue = { type: ['string', 'number', 'boolean', 'null'] };
const status = { type: 'string', enum: ['applied', 'duplicate', 'rejected'] };
const spaceParam = { name: 'space', in: 'query', required: true, schema: space };

const schemas = {
	...accountSchemas,
	...pledgeSchemas,
	...organisationSchemas,
	...open311Schemas,
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
			clocks: { type: 'object', additionalProperties: { type: 'string' } },
			hidden: { type: 'boolean', description: 'Hidden by a moderator' },
			hiddenReason: { type: 'string', description: 'Only for the space staff' }
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

// ---- Moderation and privacy (issue 3, server-sync) ----------------------------------------

/** 401 nobody asking, 403 not allowed, 404 no such space: every route that reads a space. */
const readerErrors = {
	401: error('unauthorised: no participant token or session'),
	403: error('forbidden: not allowed in this space'),
	404: error('unknown-space')
};
const pathSpace = { name: 'space', in: 'path', required: true, schema: space };
const pathRecord = { name: 'record', in: 'path', required: true, schema: uuid };
const reasonBody = {
	required: true,
	...jsonBody(
		{
			type: 'object',
			required: ['reason'],
			additionalProperties: false,
			properties: { reason: { type: 'string', minLength: 1, maxLength: 500 } }
		},
		'Why'
	)
};
const moderation = (summary: string) => ({
	post: {
		summary,
		parameters: [pathSpace, pathRecord],
		requestBody: reasonBody,
		responses: {
			200: jsonBody(ref('ModerationResult'), 'Done; the record moved to this cursor'),
			400: error('Invalid path or reason'),
			...readerErrors
		}
	}
});

Object.assign(schemas, {
	ModerationResult: {
		type: 'object',
		required: ['record', 'hidden', 'cursor'],
		additionalProperties: false,
		properties: { record: uuid, hidden: { type: 'boolean' }, cursor }
	},
	Report: {
		type: 'object',
		required: ['id', 'record', 'reporter', 'reason', 'createdAt', 'hidden'],
		additionalProperties: false,
		properties: {
			id: { type: 'integer' },
			record: uuid,
			reporter: uuid,
			reason: { type: 'string' },
			createdAt: { type: 'string', format: 'date-time' },
			hidden: { type: 'boolean' }
		}
	},
	MyData: {
		type: 'object',
		required: ['space', 'participant', 'records'],
		additionalProperties: false,
		properties: { space, participant: uuid, records: { type: 'array', items: ref('RemoteRecord') } }
	},
	EraseResult: {
		type: 'object',
		required: ['erased', 'policy'],
		additionalProperties: false,
		properties: {
			erased: { type: 'integer', minimum: 0 },
			policy: { type: 'string', enum: ['delete', 'anonymise'] }
		}
	}
});

const moderationAndPrivacyPaths = {
	'/api/v1/spaces/{space}/records/{record}/hide': moderation('Hide a contribution (staff)'),
	'/api/v1/spaces/{space}/records/{record}/unhide': moderation('Unhide a contribution (staff)'),
	'/api/v1/spaces/{space}/records/{record}/report': {
		post: {
			summary: 'Report a contribution to the facilitators (participants and staff)',
			parameters: [pathSpace, pathRecord],
			requestBody: reasonBody,
			responses: {
				201: jsonBody(
					{
						type: 'object',
						required: ['report'],
						additionalProperties: false,
						properties: { report: ref('Report') }
					},
					'Reported'
				),
				400: error('Invalid path or reason'),
				...readerErrors
			}
		}
	},
	'/api/v1/spaces/{space}/reports': {
		get: {
			summary: 'Reports of a space, newest first (staff)',
			parameters: [pathSpace],
			responses: {
				200: jsonBody(
					{
						type: 'object',
						required: ['reports'],
						additionalProperties: false,
						properties: { reports: { type: 'array', items: ref('Report') } }
					},
					'The reports'
				),
				400: error('Invalid space'),
				...readerErrors
			}
		}
	},
	'/api/v1/me/data': {
		get: {
			summary: 'Everything this participant contributed to the space (participant token)',
			parameters: [spaceParam],
			responses: {
				200: jsonBody(ref('MyData'), 'Their records'),
				400: error('Invalid space'),
				...readerErrors
			}
		},
		delete: {
			summary: "Erase this participant's data per the space's erase policy; revokes the token",
			parameters: [spaceParam],
			responses: {
				200: jsonBody(ref('EraseResult'), 'Erased; the change syncs to every device'),
				400: error('Invalid space'),
				...readerErrors
			}
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
			'accounts send the plaza_session cookie; participants send Authorization: Bearer <token> ' +
			'from POST /api/v1/join.'
	},
	paths: {
		...accountPaths,
		'/api/v1/sync/push': {
			post: {
				summary: 'Push outbox rows (batches of mutations)',
				requestBody: { required: true, ...jsonBody(ref('PushRequest'), 'Outbox rows') },
				responses: {
					200: jsonBody(ref('PushResponse'), 'A result per batch and per mutation'),
					400: error('Malformed request; nothing written'),
					401: error('No participant token or session'),
					413: error(`Body larger than ${limits.pushBytes} bytes`),
					415: error('Body is not application/json'),
					426: error('Unsupported protocol version'),
					429: error('Too many pushes; see Retry-After'),
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
					{ name: 'protocol', in: 'query', required: false, schema: { type: 'integer' } },
					{
						name: 'Plaza-Pending',
						in: 'header',
						required: false,
						description:
							'Changes of this space the device still holds to send (participants; the live ' +
							'board counts waiting devices from it)',
						schema: { type: 'integer', minimum: 0 }
					}
				],
				responses: {
					200: jsonBody(ref('PullResponse'), 'Latest state of changed records, in cursor order'),
					400: error('Invalid query'),
					...readerErrors,
					409: error('must-refetch: unknown epoch, or cursor behind the tombstone horizon'),
					426: error('Unsupported protocol version')
				}
			}
		},
		'/api/v1/events': {
			get: {
				summary: 'Server-Sent Events: `event: change` with data {"cursor"} when the space changes',
				parameters: [
					spaceParam,
					{
						name: 'token',
						in: 'query',
						required: false,
						description: 'Participant token (EventSource cannot set headers)',
						schema: { type: 'string' }
					}
				],
				responses: {
					200: {
						description: 'An event stream; a comment heartbeat every 25 s',
						content: { 'text/event-stream': { schema: { type: 'string' } } }
					},
					400: error('Invalid space'),
					...readerErrors
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
		},
		...moderationAndPrivacyPaths,
		...organisationPaths,
		...workshopPaths,
		...blobPaths,
		...configPaths,
		...open311Paths,
		...pledgePaths
	},
	components: { schemas }
};
