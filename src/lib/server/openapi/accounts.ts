/**
 * OpenAPI paths and schemas of accounts, sessions, invites, spaces, joining and the audit log
 * (issue 3). Session routes take the `plaza_session` cookie; participant routes a Bearer token.
 */
import { joinCodeAlphabet, joinCodeLength, spaceKinds } from '$lib/domain/auth';
import { mapSettings } from './map-settings';
import { impactPublic, pledgeCampaign } from './pledge-campaign';
import { translations } from './translations';
import { dateTime, error, jsonBody, noBody, pathParam, ref, spaceId, strict, uuid } from './common';

const role = { type: 'string', enum: ['admin', 'facilitator'] };
const text = { type: 'string' };
const date = { type: ['string', 'null'], pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const joinCode = { type: 'string', pattern: `^[${joinCodeAlphabet}]{${joinCodeLength}}$` };

const accountProperties = {
	id: uuid,
	organisation: uuid,
	organisationName: text,
	role,
	email: text,
	name: text,
	operator: { type: 'boolean', description: 'The hub operator: may create organisations' }
};
const publicSpace = {
	id: spaceId,
	title: text,
	purpose: text,
	privacyNotice: text,
	erasePolicy: { type: 'string', enum: ['delete', 'anonymise'] },
	retentionUntil: date,
	published: { type: 'boolean' },
	status: { type: 'string', enum: ['open', 'closed'] },
	kind: { type: 'string', enum: [...spaceKinds] },
	date,
	place: { type: 'string', maxLength: 200 },
	languages: { type: 'array', maxItems: 28, items: text },
	map: { ...mapSettings, type: ['object', 'null'], description: 'null unless kind is map' },
	pledge: {
		...pledgeCampaign,
		type: ['object', 'null'],
		description: 'null unless kind is pledge'
	},
	impactPublic,
	language: {
		type: 'string',
		description:
			"The language the space's texts are written in, and the fallback for other readers; '' when not said"
	},
	translations
};
const spaceSettings = { ...publicSpace } as Record<string, object>;
delete spaceSettings.id;
delete spaceSettings.status;
delete spaceSettings.kind;
/** Map settings (issue 5): required for a map space, refused for the other kinds. */
spaceSettings.map = { ...mapSettings, description: 'Required when kind is map, else absent' };
/** A campaign's goal and themes (issue 6): required for a pledge space, refused for the others. */
spaceSettings.pledge = {
	...pledgeCampaign,
	description: 'Required when kind is pledge, else absent'
};
/** Workshop facts (issue 4), map and campaign settings: optional when a space is created. */
const optionalSettings = [
	'date',
	'place',
	'languages',
	'map',
	'pledge',
	'impactPublic',
	'language',
	'translations'
];

export const accountSchemas = {
	AccountView: strict(accountProperties),
	AccountAnswer: strict({ account: ref('AccountView') }),
	PublicSpaceView: strict(publicSpace),
	SpaceView: strict({ ...publicSpace, joinCode, facilitators: { type: 'array', items: uuid } }, [
		'joinCode',
		'facilitators'
	]),
	SpaceAnswer: strict({ space: ref('SpaceView') }),
	SetupRequest: strict({ organisation: text, name: text, email: text, password: text }),
	LoginRequest: strict({ email: text, password: text }),
	InviteRequest: strict({ email: text, role }),
	AcceptInvite: strict({ name: text, password: text }),
	CreateSpace: strict({ id: spaceId, kind: publicSpace.kind, ...spaceSettings }, [
		'kind',
		...optionalSettings
	]),
	DuplicateSpace: strict({ id: spaceId, title: text }),
	UpdateSpace: strict({ ...spaceSettings, status: publicSpace.status }, [
		...Object.keys(spaceSettings),
		'status'
	]),
	JoinRequest: strict({ code: text, participant: uuid, displayName: text }, ['displayName'])
};

const tooMany = error('rate-limited: too many attempts; see Retry-After (seconds)');
const unauthorised = error('unauthorised: log in first');
const forbidden = error('forbidden: not allowed for this account');
const invalid = error('Invalid input; nothing written');
const unknownSpace = error('unknown-space');
const withCookie = 'Sets the plaza_session cookie (HttpOnly, SameSite=Lax, Secure off localhost)';
const body = (name: string) => ({ required: true, ...jsonBody(ref(name), name) });
const space = pathParam('space', spaceId);

export const accountPaths = {
	'/api/v1/setup': {
		get: {
			summary: 'Whether the hub still needs its first organisation and admin',
			responses: { 200: jsonBody(strict({ needed: { type: 'boolean' } }), 'Setup state') }
		},
		post: {
			summary: 'Create the first organisation and its admin (once)',
			requestBody: body('SetupRequest'),
			responses: {
				201: jsonBody(ref('AccountAnswer'), `The admin, logged in. ${withCookie}`),
				400: invalid,
				409: error('already-set-up'),
				429: tooMany
			}
		}
	},
	'/api/v1/auth/login': {
		post: {
			summary: 'Log in with email and password',
			requestBody: body('LoginRequest'),
			responses: {
				200: jsonBody(ref('AccountAnswer'), withCookie),
				400: invalid,
				401: error('invalid-credentials (the same for an unknown email and a wrong password)'),
				429: tooMany
			}
		}
	},
	'/api/v1/auth/logout': {
		post: { summary: 'End this session', responses: { 204: noBody('Logged out; cookie cleared') } }
	},
	'/api/v1/auth/logout-all': {
		post: {
			summary: 'End every session of this account',
			responses: { 204: noBody('Logged out everywhere'), 401: unauthorised }
		}
	},
	'/api/v1/auth/me': {
		get: {
			summary: 'The logged-in account, or null',
			responses: {
				200: jsonBody(
					strict({ account: { ...strict(accountProperties), type: ['object', 'null'] } }),
					'Who is logged in'
				)
			}
		}
	},
	'/api/v1/invites': {
		post: {
			summary: 'Invite an email to the organisation (admin); the link works 7 days, once',
			requestBody: body('InviteRequest'),
			responses: {
				201: jsonBody(
					strict({ invite: strict({ token: text, url: text, expiresAt: dateTime }) }),
					'The invite link'
				),
				400: invalid,
				401: unauthorised,
				403: forbidden,
				409: error('An account with this email exists')
			}
		}
	},
	'/api/v1/invites/{token}': {
		get: {
			summary: 'What an invite link offers',
			parameters: [pathParam('token')],
			responses: {
				200: jsonBody(
					strict({ email: text, role, organisationName: text, expiresAt: dateTime }),
					'The invite'
				),
				404: error('Unknown invite'),
				410: error('invite-expired: expired or used')
			}
		}
	},
	'/api/v1/invites/{token}/accept': {
		post: {
			summary: 'Accept an invite: creates the account and logs it in',
			parameters: [pathParam('token')],
			requestBody: body('AcceptInvite'),
			responses: {
				201: jsonBody(ref('AccountAnswer'), withCookie),
				400: invalid,
				404: error('Unknown invite'),
				409: error('An account with this email exists'),
				410: error('invite-expired: expired or used')
			}
		}
	},
	'/api/v1/accounts': {
		get: {
			summary: 'Accounts and open invites of the organisation (admin)',
			responses: {
				200: jsonBody(
					strict({
						accounts: { type: 'array', items: ref('AccountView') },
						invites: {
							type: 'array',
							items: strict({ email: text, role, expiresAt: dateTime })
						}
					}),
					'Accounts'
				),
				401: unauthorised,
				403: forbidden
			}
		}
	},
	'/api/v1/audit': {
		get: {
			summary: 'The audit log of the organisation, newest first (admin)',
			responses: {
				200: jsonBody(
					strict({
						entries: {
							type: 'array',
							items: strict({
								at: dateTime,
								actor: text,
								actorName: text,
								action: text,
								target: text,
								detail: { type: 'object' }
							})
						}
					}),
					'Audit entries'
				),
				401: unauthorised,
				403: forbidden
			}
		}
	},
	'/api/v1/spaces': {
		get: {
			summary: 'Spaces this account facilitates (admins: all of the organisation)',
			responses: {
				200: jsonBody(strict({ spaces: { type: 'array', items: ref('SpaceView') } }), 'Spaces'),
				401: unauthorised
			}
		},
		post: {
			summary: 'Create a space; its creator facilitates it; a join code is generated',
			requestBody: body('CreateSpace'),
			responses: {
				201: jsonBody(ref('SpaceAnswer'), 'The new space with its join code'),
				400: invalid,
				401: unauthorised,
				409: error('The id is taken')
			}
		}
	},
	'/api/v1/spaces/{space}': {
		get: {
			summary: 'Public facts of a space; its staff also get joinCode and facilitators',
			parameters: [space],
			responses: { 200: jsonBody(ref('SpaceAnswer'), 'The space'), 404: unknownSpace }
		},
		patch: {
			summary: 'Change title, purpose, notice, policy, retention, published or status (staff)',
			parameters: [space],
			requestBody: body('UpdateSpace'),
			responses: {
				200: jsonBody(ref('SpaceAnswer'), 'The space after the change'),
				400: invalid,
				401: unauthorised,
				403: forbidden,
				404: unknownSpace
			}
		}
	},
	'/api/v1/spaces/{space}/participants': {
		get: {
			summary: 'Who joined the space (staff)',
			parameters: [space],
			responses: {
				200: jsonBody(
					strict({
						participants: {
							type: 'array',
							items: strict({
								participant: uuid,
								displayName: text,
								joinedAt: dateTime,
								revokedAt: { type: ['string', 'null'] }
							})
						}
					}),
					'Participants'
				),
				401: unauthorised,
				403: forbidden,
				404: unknownSpace
			}
		}
	},
	'/api/v1/spaces/{space}/participants/{participant}/revoke': {
		post: {
			summary: "Revoke a participant's token (staff)",
			parameters: [space, pathParam('participant', uuid)],
			responses: {
				204: noBody('Revoked'),
				401: unauthorised,
				403: forbidden,
				404: error('Unknown space or participant')
			}
		}
	},
	'/api/v1/join': {
		post: {
			summary: 'Join a space with its code: a participant token for that space',
			requestBody: body('JoinRequest'),
			responses: {
				200: jsonBody(
					strict({ space: ref('PublicSpaceView'), token: text }),
					'Send the token as Authorization: Bearer <token> (or ?token= on /api/v1/events)'
				),
				400: invalid,
				403: error('space-closed, or token-revoked for a removed participant'),
				404: error('unknown-join-code'),
				429: tooMany
			}
		}
	},
	'/api/v1/join/{code}': {
		get: {
			summary: 'Purpose and privacy notice of the space behind a join code',
			parameters: [pathParam('code')],
			responses: {
				200: jsonBody(strict({ space: ref('PublicSpaceView') }), 'The space'),
				404: error('unknown-join-code'),
				429: tooMany
			}
		}
	}
};
