/**
 * OpenAPI paths and schemas of the hub's organisations (operator), a space's facilitators
 * (its staff) and a participant's display name (participant token).
 */
import { dateTime, error, jsonBody, pathParam, ref, spaceId, strict, uuid } from './common';

const text = { type: 'string' };
const space = pathParam('space', spaceId);
const unauthorised = error('unauthorised: log in first');
const forbidden = error('forbidden: not allowed for this account');
const invalid = error('Invalid input; nothing written');
const body = (name: string) => ({ required: true, ...jsonBody(ref(name), name) });
const facilitatorList = jsonBody(ref('Facilitators'), 'The facilitators after the change');

export const organisationSchemas = {
	OrganisationView: strict({
		id: uuid,
		name: text,
		createdAt: dateTime,
		accounts: { type: 'integer', minimum: 0 }
	}),
	CreateOrganisation: strict({ name: text, adminEmail: text }),
	FacilitatorView: strict({ id: uuid, name: text, email: text }),
	Facilitators: strict({ facilitators: { type: 'array', items: ref('FacilitatorView') } }),
	AddFacilitator: strict({ accountId: uuid }),
	UpdateMe: strict({ displayName: { type: 'string', maxLength: 60 } })
};

export const organisationPaths = {
	'/api/v1/organisations': {
		get: {
			summary: 'Every organisation on this hub with its number of accounts (operator)',
			responses: {
				200: jsonBody(
					strict({ organisations: { type: 'array', items: ref('OrganisationView') } }),
					'Organisations'
				),
				401: unauthorised,
				403: error('forbidden: only the hub operator')
			}
		},
		post: {
			summary: 'Create an organisation and an invite for its first admin (operator)',
			requestBody: body('CreateOrganisation'),
			responses: {
				201: jsonBody(
					strict({
						organisation: strict({ id: uuid, name: text }),
						invite: strict({ token: text, url: text, expiresAt: dateTime })
					}),
					'The organisation and the admin invite link (7 days, once)'
				),
				400: invalid,
				401: unauthorised,
				403: error('forbidden: only the hub operator'),
				409: error('The name or the admin email is taken')
			}
		}
	},
	'/api/v1/spaces/{space}/facilitators': {
		get: {
			summary: 'Who facilitates the space (staff)',
			parameters: [space],
			responses: {
				200: jsonBody(ref('Facilitators'), 'The facilitators'),
				401: unauthorised,
				403: forbidden,
				404: error('unknown-space')
			}
		},
		post: {
			summary: 'Add an account of the organisation as facilitator (staff); idempotent',
			parameters: [space],
			requestBody: body('AddFacilitator'),
			responses: {
				200: facilitatorList,
				400: invalid,
				401: unauthorised,
				403: forbidden,
				404: error('unknown-space, or not-found: no such account in the organisation')
			}
		}
	},
	'/api/v1/spaces/{space}/facilitators/{account}': {
		delete: {
			summary: 'Remove a facilitator (staff); never the last one',
			parameters: [space, pathParam('account', uuid)],
			responses: {
				200: facilitatorList,
				401: unauthorised,
				403: forbidden,
				404: error('unknown-space, or not-found: not a facilitator of the space'),
				409: error('last-facilitator: a space keeps at least one facilitator')
			}
		}
	},
	'/api/v1/me': {
		patch: {
			summary: "Change this participant's display name in the space (participant token)",
			parameters: [{ name: 'space', in: 'query', required: true, schema: spaceId }],
			requestBody: body('UpdateMe'),
			responses: {
				200: jsonBody(strict({ displayName: text }), 'The display name now'),
				400: invalid,
				401: error('unauthorised: no participant token'),
				403: error('forbidden: a token of another space, or token-revoked'),
				404: error('unknown-space')
			}
		}
	}
};
