/**
 * The authorisation matrix: ONE table of (route + method, or push mutation kind) × role →
 * expected outcome, run through the real route modules under src/routes/api/v1 (only the
 * process hub is swapped for the test's). A route outcome is the HTTP status; a push outcome
 * is the mutation's status or rejection code, or the HTTP status when the push as a whole is
 * refused. A guard walks the route files so that a new route or method cannot skip the table.
 *
 * Cells that change nothing share one world per engine; a cell that changes something gets a
 * fresh space, record, member or invite of its own, so cells never depend on each other.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { RequestEvent } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '../../src/lib/domain/auth';
import { newId } from '../../src/lib/domain/ids';
import type { Fields } from '../../src/lib/domain/merge';
import { authorOf } from '../../src/lib/domain/policy';
import type { PushResponse } from '../../src/lib/domain/protocol';
import { activityDefaults } from '../../src/lib/domain/records/workshop';
import { insertInvite } from '../../src/lib/server/auth/invites';
import { hashPassword } from '../../src/lib/server/auth/password';
import type { Hub } from '../../src/lib/server/hub';
import { engines, type TestDatabase } from './engines';
import {
	createWorld,
	device,
	hlc,
	ideaFields,
	mutation,
	newSpace,
	push,
	type Member,
	type World
} from './helpers';

/** The routes ask `getHub()` for the process hub: this file hands them the engine's hub. */
const current = vi.hoisted(() => ({ hub: undefined as unknown }));
vi.mock('../../src/lib/server/hub', async (importOriginal) => ({
	...(await importOriginal<object>()),
	getHub: async () => current.hub
}));

const roles = [
	'anonymous',
	'participant',
	'otherParticipant',
	'otherFacilitator',
	'facilitator',
	'admin',
	'operator'
] as const;
type Role = (typeof roles)[number];
type Outcome = string | number;

/**
 * `METHOD /api/v1/path[ · variant]` → expected outcome per role, in the order of `roles`:
 * anonymous, participant of this space, participant of another space, facilitator of another
 * space, facilitator, admin of the organisation, hub operator (admin of another organisation).
 */
const table: [string, Outcome[]][] = [
	['GET /api/v1/setup', [200, 200, 200, 200, 200, 200, 200]],
	['POST /api/v1/setup', [409, 409, 409, 409, 409, 409, 409]],
	['POST /api/v1/auth/login', [200, 200, 200, 200, 200, 200, 200]],
	['POST /api/v1/auth/logout', [204, 204, 204, 204, 204, 204, 204]],
	['POST /api/v1/auth/logout-all', [401, 401, 401, 204, 204, 204, 204]],
	['GET /api/v1/auth/me', [200, 200, 200, 200, 200, 200, 200]],
	['POST /api/v1/invites', [401, 401, 401, 403, 403, 201, 201]],
	['GET /api/v1/invites/{token}', [200, 200, 200, 200, 200, 200, 200]],
	['POST /api/v1/invites/{token}/accept', [201, 201, 201, 201, 201, 201, 201]],
	['GET /api/v1/accounts', [401, 401, 401, 403, 403, 200, 200]],
	['GET /api/v1/audit', [401, 401, 401, 403, 403, 200, 200]],
	['GET /api/v1/organisations', [401, 401, 401, 403, 403, 403, 200]],
	['POST /api/v1/organisations', [401, 401, 401, 403, 403, 403, 201]],
	['GET /api/v1/spaces', [401, 401, 401, 200, 200, 200, 200]],
	['POST /api/v1/spaces', [401, 401, 401, 201, 201, 201, 201]],
	['GET /api/v1/spaces/{space}', [200, 200, 200, 200, 200, 200, 200]],
	['PATCH /api/v1/spaces/{space}', [401, 403, 403, 403, 200, 200, 403]],
	['GET /api/v1/spaces/{space}/participants', [401, 403, 403, 403, 200, 200, 403]],
	[
		'POST /api/v1/spaces/{space}/participants/{participant}/revoke',
		[401, 403, 403, 403, 204, 204, 403]
	],
	['GET /api/v1/spaces/{space}/facilitators', [401, 403, 403, 403, 200, 200, 403]],
	['POST /api/v1/spaces/{space}/facilitators', [401, 403, 403, 403, 200, 200, 403]],
	['DELETE /api/v1/spaces/{space}/facilitators/{account}', [401, 403, 403, 403, 200, 200, 403]],
	['GET /api/v1/join/{code}', [200, 200, 200, 200, 200, 200, 200]],
	['POST /api/v1/join', [200, 200, 200, 200, 200, 200, 200]],
	[
		'POST /api/v1/sync/push · create',
		[401, 'applied', 'forbidden', 'forbidden', 'applied', 'applied', 'forbidden']
	],
	[
		'POST /api/v1/sync/push · edit own',
		[401, 'applied', 'forbidden', 'forbidden', 'applied', 'applied', 'forbidden']
	],
	[
		"POST /api/v1/sync/push · edit other's",
		[401, 'forbidden', 'forbidden', 'forbidden', 'applied', 'applied', 'forbidden']
	],
	[
		'POST /api/v1/sync/push · delete own',
		[401, 'applied', 'forbidden', 'forbidden', 'applied', 'applied', 'forbidden']
	],
	[
		"POST /api/v1/sync/push · delete other's",
		[401, 'forbidden', 'forbidden', 'forbidden', 'applied', 'applied', 'forbidden']
	],
	[
		'POST /api/v1/sync/push · set hidden',
		[401, 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden']
	],
	[
		'POST /api/v1/sync/push · create in a closed space',
		[
			401,
			'space-closed',
			'space-closed',
			'space-closed',
			'space-closed',
			'space-closed',
			'space-closed'
		]
	],
	[
		'POST /api/v1/sync/push · create in an unknown space',
		[
			401,
			'unknown-space',
			'unknown-space',
			'unknown-space',
			'unknown-space',
			'unknown-space',
			'unknown-space'
		]
	],
	['GET /api/v1/sync/pull', [401, 200, 403, 403, 200, 200, 403]],
	['GET /api/v1/sync/pull · published space', [200, 200, 200, 200, 200, 200, 200]],
	['GET /api/v1/events', [401, 200, 403, 403, 200, 200, 403]],
	['GET /api/v1/events · published space', [200, 200, 200, 200, 200, 200, 200]],
	['POST /api/v1/spaces/{space}/records/{record}/hide', [401, 403, 403, 403, 200, 200, 403]],
	['POST /api/v1/spaces/{space}/records/{record}/unhide', [401, 403, 403, 403, 200, 200, 403]],
	['POST /api/v1/spaces/{space}/records/{record}/report', [401, 201, 403, 403, 201, 201, 403]],
	['GET /api/v1/spaces/{space}/reports', [401, 403, 403, 403, 200, 200, 403]],
	['POST /api/v1/spaces/{space}/duplicate', [401, 403, 403, 403, 201, 201, 403]],
	['GET /api/v1/spaces/{space}/export.csv', [401, 403, 403, 403, 200, 200, 403]],
	['GET /api/v1/spaces/{space}/export.json', [401, 403, 403, 403, 200, 200, 403]],
	['GET /api/v1/spaces/{space}/export.datacard.json', [401, 403, 403, 403, 200, 200, 403]],
	['GET /api/v1/spaces/{space}/devices', [401, 403, 403, 403, 200, 200, 403]],
	[
		'POST /api/v1/sync/push · create a workshop activity',
		[401, 'forbidden', 'forbidden', 'forbidden', 'applied', 'applied', 'forbidden']
	],
	['GET /api/v1/me/data', [401, 200, 403, 403, 403, 403, 403]],
	['DELETE /api/v1/me/data', [401, 200, 403, 403, 403, 403, 403]],
	['PATCH /api/v1/me', [401, 200, 403, 403, 403, 403, 403]],
	['PUT /api/v1/blobs/{sha256}', [401, 201, 403, 403, 201, 201, 403]],
	['GET /api/v1/blobs/{sha256}', [401, 200, 403, 403, 200, 200, 403]],
	['GET /api/v1/spaces/{space}/export.geojson', [401, 403, 403, 403, 200, 200, 403]],
	['GET /api/v1/spaces/{space}/api-keys', [401, 403, 403, 403, 200, 200, 403]],
	['POST /api/v1/spaces/{space}/api-keys', [401, 403, 403, 403, 201, 201, 403]],
	['DELETE /api/v1/spaces/{space}/api-keys/{key}', [401, 403, 403, 403, 204, 204, 403]],
	['GET /api/v1/open311/v2/services.json', [200, 200, 200, 200, 200, 200, 200]],
	['GET /api/v1/open311/v2/requests.json', [200, 200, 200, 200, 200, 200, 200]],
	['GET /api/v1/open311/v2/requests/{id}.json', [200, 200, 200, 200, 200, 200, 200]],
	// Open311 POST: the api_key in the body authorises, whoever else is asking.
	['POST /api/v1/open311/v2/requests.json', [200, 200, 200, 200, 200, 200, 200]],
	['GET /api/v1/health', [200, 200, 200, 200, 200, 200, 200]],
	['GET /api/v1/config', [200, 200, 200, 200, 200, 200, 200]],
	['GET /api/v1/spaces/{space}/impact', [401, 200, 403, 403, 200, 200, 403]],
	['GET /api/v1/spaces/{space}/impact · public impact', [200, 200, 200, 200, 200, 200, 200]],
	// Accounts of the organisation see every space; anyone else only those with public impact.
	['GET /api/v1/organisations/{organisation}/impact', [200, 200, 200, 200, 200, 200, 200]],
	[
		'GET /api/v1/organisations/{organisation}/impact · no public space',
		[404, 404, 404, 404, 404, 404, 200]
	],
	['GET /api/v1/openapi.json', [200, 200, 200, 200, 200, 200, 200]]
];

/** `GET /api/v1/spaces/{space}` of a table row. */
const routeOf = (row: string) => row.split(' · ')[0]!;

const cells = table.flatMap(([row, expected]) =>
	roles.map((role, i) => [row, role, expected[i]!] as [string, Role, Outcome])
);

const apiRoot = path.resolve(import.meta.dirname, '../../src/routes/api/v1');

/** Every exported method of every +server.ts under src/routes/api/v1, as `METHOD /path`. */
function routeMethods(dir = apiRoot): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return routeMethods(full);
		if (entry.name !== '+server.ts') return [];
		const url = '/api/v1/' + path.relative(apiRoot, dir).split(path.sep).join('/');
		const template = url.replace(/\[(\w+)\]/g, '{$1}');
		const source = readFileSync(full, 'utf8');
		// `export const GET` as the routes write it, or `export (async) function GET`.
		const exported =
			/export\s+(?:const|(?:async\s+)?function)\s+(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS|fallback)\b/g;
		return [...source.matchAll(exported)].map((match) => `${match[1]} ${template}`);
	});
}

type Handler = (event: RequestEvent) => Response | Promise<Response>;
const modules = import.meta.glob<Record<string, Handler>>('../../src/routes/api/v1/**/+server.ts');

interface Call {
	params?: Record<string, string>;
	query?: Record<string, string>;
	body?: unknown;
	/** A body of bytes with its content type (blobs), instead of JSON. */
	raw?: { type: string; bytes: Uint8Array<ArrayBuffer> };
	signal?: AbortSignal;
}

const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let nextIp = 1;
/** Outbox numbers of seeding pushes: each push of one device needs a new one. */
let outboxSeq = 1;

/** Calls the route module of `route` (`METHOD /api/v1/…`) as SvelteKit would, for `actor`. */
async function call(route: string, actor: Actor, options: Call = {}): Promise<Response> {
	const [method, template] = route.split(' ') as [string, string];
	const params = options.params ?? {};
	const pathname = template.replace(/\{(\w+)\}/g, (_, key: string) =>
		encodeURIComponent(params[key]!)
	);
	const url = new URL(`http://hub.test${pathname}?${new URLSearchParams(options.query)}`);
	const hasBody = options.body !== undefined;
	const request = new Request(url, {
		method,
		headers: options.raw
			? { 'content-type': options.raw.type }
			: hasBody
				? { 'content-type': 'application/json' }
				: {},
		body: options.raw ? options.raw.bytes : hasBody ? JSON.stringify(options.body) : undefined,
		signal: options.signal
	});
	const file = `../../src/routes${template.replace(/\{(\w+)\}/g, '[$1]')}/+server.ts`;
	const handler = (await modules[file]!())[method]!;
	const ip = `203.0.${Math.floor(nextIp / 250)}.${(nextIp++ % 250) + 1}`;
	const event = { request, url, params, locals: { actor }, getClientAddress: () => ip };
	return handler(event as unknown as RequestEvent);
}

describe('the authorisation matrix', () => {
	it('has a row for every route and method, and no row for a route that does not exist', () => {
		const found = routeMethods();
		expect(found.length).toBeGreaterThan(30);
		const covered = new Set(table.map(([row]) => routeOf(row)));
		for (const route of found) expect(covered.has(route), `${route} is in the table`).toBe(true);
		for (const route of covered) expect(found, `${route} is a route`).toContain(route);
	});

	it('has seven outcomes per row', () => {
		for (const [row, expected] of table) expect(expected, row).toHaveLength(roles.length);
	});
});

describe.each(engines)('authorisation matrix on $name', (engine) => {
	let database: TestDatabase;
	let hub: Hub;
	let world: World;
	/** The operator's own organisation: an admin there, made the hub operator. */
	let hubWorld: World;
	/** An account of the organisation that facilitates nothing: added and removed by cells. */
	let spare: string;
	let passwordHash: string;
	let shared: { space: string; code: string; published: string; record: string; invite: string };
	let actors: Record<Role, Actor>;
	let seeder: Member;

	beforeAll(async () => {
		database = await engine.create();
		hub = await database.hub();
		current.hub = hub;
		hubWorld = await createWorld(hub);
		await hub.db.query('UPDATE accounts SET operator = true WHERE id = $1', [
			hubWorld.admin.accountId
		]);
		world = await createWorld(hub);
		passwordHash = await hashPassword('correct horse battery staple');
		spare = await account('spare');
		const space = await world.space();
		const published = await world.space({ published: true });
		const participant = await world.member(space);
		const stranger = await world.member(await world.space());
		seeder = await world.member(space);
		const record = await seed(space);
		const codes = await hub.db.query<{ code: string }>(
			'SELECT join_code AS code FROM spaces WHERE id = $1',
			[space]
		);
		const code = codes[0]!.code;
		shared = { space, code, published, record, invite: await invite() };
		actors = {
			anonymous: { kind: 'anonymous' },
			participant: participant.actor,
			otherParticipant: stranger.actor,
			otherFacilitator: world.otherFacilitator,
			facilitator: world.facilitator,
			admin: world.admin,
			operator: hubWorld.admin
		};
	});
	afterAll(() => database.drop());

	/** A facilitator account of the organisation with a real password; returns its id. */
	async function account(label: string): Promise<string> {
		const id = newId();
		await hub.db.query(
			`INSERT INTO accounts (id, organisation, email, name, password_hash, role)
			VALUES ($1, $2, $3, $4, $5, 'facilitator')`,
			[
				id,
				world.organisation,
				`${label.toLowerCase()}-${id.slice(-12)}@example.org`,
				label,
				passwordHash
			]
		);
		return id;
	}

	async function emailOf(id: string): Promise<string> {
		const rows = await hub.db.query<{ email: string }>('SELECT email FROM accounts WHERE id = $1', [
			id
		]);
		return rows[0]!.email;
	}

	/** A fresh record in `space`, written by the shared seeding participant or `by`. */
	async function seed(space: string, by: Member = seeder): Promise<string> {
		const id = newId();
		await push(hub, by.body([[mutation(id, space, ideaFields())]], outboxSeq++), by.actor);
		return id;
	}

	async function invite(): Promise<string> {
		const email = `invited-${newId().slice(-12)}@example.org`;
		const link = await insertInvite(hub.db, {
			organisation: world.organisation,
			email,
			role: 'facilitator',
			invitedBy: world.admin.accountId,
			now: Date.now()
		});
		return link.token;
	}

	/** A fresh space (and its own participant) for a cell that changes the space. */
	async function fresh(role: Role, options: Parameters<World['space']>[0] = {}) {
		const space = await world.space(options);
		const member = await world.member(space);
		return { space, member, actor: role === 'participant' ? member.actor : actors[role] };
	}

	/** A fresh space with a record of the actor's own and one of someone else. */
	async function stage(role: Role) {
		const { space, member, actor } = await fresh(role);
		const someone = await world.member(space);
		const [own, other] = [await seed(space, someone), await seed(space, someone)];
		await hub.db.query('UPDATE records SET author = $1 WHERE id = $2', [
			authorOf(actor) ?? newId(),
			own
		]);
		return { space, actor, own, other, member };
	}

	async function pushOne(actor: Actor, space: string, id: string, patch: Fields) {
		const body = device().body([[mutation(id, space, patch, hlc(100))]]);
		const response = await call('POST /api/v1/sync/push', actor, { body });
		if (response.status !== 200) return response.status;
		const answer = (await response.json()) as PushResponse;
		const result = answer.results[0]!.mutations[0]!;
		return result.status === 'rejected' ? result.code! : result.status;
	}

	async function events(role: Role, space: string): Promise<number> {
		const abort = new AbortController();
		const response = await call('GET /api/v1/events', actors[role], {
			query: { space },
			signal: abort.signal
		});
		abort.abort();
		await response.body?.cancel().catch(() => {});
		return response.status;
	}

	/** A published map space with an idea and an Open311 API key (issue 5), made once. */
	let mapFixture: Promise<{ space: string; idea: string; secret: string }> | undefined;
	function openMap() {
		mapFixture ??= (async () => {
			const space = await world.space({ published: true });
			const categories = [{ id: 'green', label: 'Green', colour: '#0b6e4f', icon: 'tree' }];
			const settings = { center: { lat: 54.09, lng: 12.14 }, zoom: 14, boundary: null };
			await hub.db.query(
				"UPDATE spaces SET kind = 'map', map_settings = ($2::text)::jsonb WHERE id = $1",
				[space, JSON.stringify({ ...settings, categories, opensAt: null, closesAt: null })]
			);
			const member = await world.member(space);
			const idea = newId();
			const patch = { ...mapIdeaPatch(), createdAt: Date.now() };
			const body = member.body([[{ id: idea, type: 'mapIdea', space, hlc: hlc(0), patch }]]);
			await push(hub, body, member.actor);
			const made = await call('POST /api/v1/spaces/{space}/api-keys', world.facilitator, {
				params: { space },
				body: { label: 'City hotline' }
			});
			return { space, idea, secret: ((await made.json()) as { secret: string }).secret };
		})();
		return mapFixture;
	}
	const mapIdeaPatch = () => ({
		title: 'A bench',
		text: '',
		category: 'green',
		geometry: JSON.stringify({ type: 'Point', coordinates: [12.14, 54.09] }),
		photos: '[]',
		language: 'en',
		authorName: ''
	});

	/** A space of the organisation whose impact is public (issue 6), made once. */
	let publicImpactFixture: Promise<string> | undefined;
	function publicImpact() {
		publicImpactFixture ??= (async () => {
			const space = await world.space();
			await hub.db.query('UPDATE spaces SET impact_public = true WHERE id = $1', [space]);
			return space;
		})();
		return publicImpactFixture;
	}

	const status = async (response: Promise<Response>) => (await response).status;
	const reason = { reason: 'Off topic' };
	const unique = () => newId().slice(-12);

	const cases: Record<string, (role: Role) => Promise<Outcome>> = {
		'GET /api/v1/setup': (role) => status(call('GET /api/v1/setup', actors[role])),
		'POST /api/v1/setup': (role) =>
			status(
				call('POST /api/v1/setup', actors[role], {
					body: {
						organisation: 'Another City',
						name: 'Eve',
						email: `eve-${unique()}@example.org`,
						password: 'correct horse battery staple'
					}
				})
			),
		'POST /api/v1/auth/login': async (role) => {
			// Logins are rate-limited per email: each cell logs in to an account of its own.
			const email = await emailOf(await account(`login-${role}`));
			const body = { email, password: 'correct horse battery staple' };
			return status(call('POST /api/v1/auth/login', actors[role], { body }));
		},
		'POST /api/v1/auth/logout': (role) => status(call('POST /api/v1/auth/logout', actors[role])),
		'POST /api/v1/auth/logout-all': (role) =>
			status(call('POST /api/v1/auth/logout-all', actors[role])),
		'GET /api/v1/auth/me': (role) => status(call('GET /api/v1/auth/me', actors[role])),
		'POST /api/v1/invites': (role) =>
			status(
				call('POST /api/v1/invites', actors[role], {
					body: { email: `new-${unique()}@example.org`, role: 'facilitator' }
				})
			),
		'GET /api/v1/invites/{token}': (role) =>
			status(
				call('GET /api/v1/invites/{token}', actors[role], { params: { token: shared.invite } })
			),
		'POST /api/v1/invites/{token}/accept': async (role) =>
			status(
				call('POST /api/v1/invites/{token}/accept', actors[role], {
					params: { token: await invite() },
					body: { name: 'Newcomer', password: 'correct horse battery staple' }
				})
			),
		'GET /api/v1/accounts': (role) => status(call('GET /api/v1/accounts', actors[role])),
		'GET /api/v1/audit': (role) => status(call('GET /api/v1/audit', actors[role])),
		'GET /api/v1/organisations': (role) => status(call('GET /api/v1/organisations', actors[role])),
		'POST /api/v1/organisations': (role) =>
			status(
				call('POST /api/v1/organisations', actors[role], {
					body: { name: `District ${unique()}`, adminEmail: `head-${unique()}@example.org` }
				})
			),
		'GET /api/v1/spaces': (role) => status(call('GET /api/v1/spaces', actors[role])),
		'POST /api/v1/spaces': (role) =>
			status(
				call('POST /api/v1/spaces', actors[role], {
					body: {
						id: newSpace('made'),
						title: 'A new space',
						purpose: 'Testing who may create spaces.',
						privacyNotice: 'Nothing is kept.',
						erasePolicy: 'delete',
						retentionUntil: null,
						published: false
					}
				})
			),
		'GET /api/v1/spaces/{space}': (role) =>
			status(call('GET /api/v1/spaces/{space}', actors[role], { params: { space: shared.space } })),
		'PATCH /api/v1/spaces/{space}': async (role) => {
			const { space, actor } = await fresh(role);
			const body = { title: 'Renamed', status: 'closed' };
			return status(call('PATCH /api/v1/spaces/{space}', actor, { params: { space }, body }));
		},
		'GET /api/v1/spaces/{space}/participants': (role) =>
			status(
				call('GET /api/v1/spaces/{space}/participants', actors[role], {
					params: { space: shared.space }
				})
			),
		'POST /api/v1/spaces/{space}/participants/{participant}/revoke': async (role) => {
			const target = await world.member(shared.space);
			return status(
				call('POST /api/v1/spaces/{space}/participants/{participant}/revoke', actors[role], {
					params: { space: shared.space, participant: target.participant }
				})
			);
		},
		'GET /api/v1/spaces/{space}/facilitators': (role) =>
			status(
				call('GET /api/v1/spaces/{space}/facilitators', actors[role], {
					params: { space: shared.space }
				})
			),
		'POST /api/v1/spaces/{space}/facilitators': async (role) => {
			const { space, actor } = await fresh(role);
			return status(
				call('POST /api/v1/spaces/{space}/facilitators', actor, {
					params: { space },
					body: { accountId: spare }
				})
			);
		},
		'DELETE /api/v1/spaces/{space}/facilitators/{account}': async (role) => {
			const spareActor = { ...world.facilitator, accountId: spare };
			const { space, actor } = await fresh(role, { facilitators: [world.facilitator, spareActor] });
			return status(
				call('DELETE /api/v1/spaces/{space}/facilitators/{account}', actor, {
					params: { space, account: spare }
				})
			);
		},
		'GET /api/v1/join/{code}': (role) =>
			status(call('GET /api/v1/join/{code}', actors[role], { params: { code: shared.code } })),
		'POST /api/v1/join': (role) =>
			status(
				call('POST /api/v1/join', actors[role], {
					body: { code: shared.code, participant: newId() }
				})
			),
		'POST /api/v1/sync/push · create': async (role) => {
			const { space, actor } = await stage(role);
			return pushOne(actor, space, newId(), ideaFields());
		},
		'POST /api/v1/sync/push · edit own': async (role) => {
			const { space, actor, own } = await stage(role);
			return pushOne(actor, space, own, { title: 'Edited' });
		},
		"POST /api/v1/sync/push · edit other's": async (role) => {
			const { space, actor, other } = await stage(role);
			return pushOne(actor, space, other, { title: 'Edited' });
		},
		'POST /api/v1/sync/push · delete own': async (role) => {
			const { space, actor, own } = await stage(role);
			return pushOne(actor, space, own, { deleted: true });
		},
		"POST /api/v1/sync/push · delete other's": async (role) => {
			const { space, actor, other } = await stage(role);
			return pushOne(actor, space, other, { deleted: true });
		},
		'POST /api/v1/sync/push · set hidden': async (role) => {
			const { space, actor, own } = await stage(role);
			return pushOne(actor, space, own, { hidden: false });
		},
		'POST /api/v1/sync/push · create in a closed space': async (role) => {
			const { space, actor } = await fresh(role, { status: 'closed' });
			return pushOne(actor, space, newId(), ideaFields());
		},
		'POST /api/v1/sync/push · create in an unknown space': (role) =>
			pushOne(actors[role], `nowhere-${unique()}`, newId(), ideaFields()),
		'GET /api/v1/sync/pull': (role) =>
			status(call('GET /api/v1/sync/pull', actors[role], { query: { space: shared.space } })),
		'GET /api/v1/sync/pull · published space': (role) =>
			status(call('GET /api/v1/sync/pull', actors[role], { query: { space: shared.published } })),
		'GET /api/v1/events': (role) => events(role, shared.space),
		'GET /api/v1/events · published space': (role) => events(role, shared.published),
		'POST /api/v1/spaces/{space}/records/{record}/hide': async (role) => {
			const params = { space: shared.space, record: await seed(shared.space) };
			return status(
				call('POST /api/v1/spaces/{space}/records/{record}/hide', actors[role], {
					params,
					body: reason
				})
			);
		},
		'POST /api/v1/spaces/{space}/records/{record}/unhide': async (role) => {
			const params = { space: shared.space, record: await seed(shared.space) };
			const hidden = await call('POST /api/v1/spaces/{space}/records/{record}/hide', world.admin, {
				params,
				body: reason
			});
			expect(hidden.status).toBe(200);
			return status(
				call('POST /api/v1/spaces/{space}/records/{record}/unhide', actors[role], {
					params,
					body: reason
				})
			);
		},
		'POST /api/v1/spaces/{space}/records/{record}/report': (role) =>
			status(
				call('POST /api/v1/spaces/{space}/records/{record}/report', actors[role], {
					params: { space: shared.space, record: shared.record },
					body: { reason: 'Spam' }
				})
			),
		'GET /api/v1/spaces/{space}/reports': (role) =>
			status(
				call('GET /api/v1/spaces/{space}/reports', actors[role], {
					params: { space: shared.space }
				})
			),
		'POST /api/v1/spaces/{space}/duplicate': (role) =>
			status(
				call('POST /api/v1/spaces/{space}/duplicate', actors[role], {
					params: { space: shared.space },
					body: { id: newSpace('copy'), title: 'Second evening' }
				})
			),
		'GET /api/v1/spaces/{space}/export.csv': (role) =>
			status(
				call('GET /api/v1/spaces/{space}/export.csv', actors[role], {
					params: { space: shared.space }
				})
			),
		'GET /api/v1/spaces/{space}/export.json': (role) =>
			status(
				call('GET /api/v1/spaces/{space}/export.json', actors[role], {
					params: { space: shared.space }
				})
			),
		'GET /api/v1/spaces/{space}/export.datacard.json': (role) =>
			status(
				call('GET /api/v1/spaces/{space}/export.datacard.json', actors[role], {
					params: { space: shared.space }
				})
			),
		'GET /api/v1/spaces/{space}/devices': (role) =>
			status(
				call('GET /api/v1/spaces/{space}/devices', actors[role], {
					params: { space: shared.space }
				})
			),
		'POST /api/v1/sync/push · create a workshop activity': async (role) => {
			const { space, actor } = await stage(role);
			const fields = activityDefaults('brainstorm', 'What would make the street greener?', 0, 1);
			const body = device().body([
				[{ id: newId(), type: 'activity', space, hlc: hlc(100), patch: { ...fields } }]
			]);
			const response = await call('POST /api/v1/sync/push', actor, { body });
			if (response.status !== 200) return response.status;
			const result = ((await response.json()) as PushResponse).results[0]!.mutations[0]!;
			return result.status === 'rejected' ? result.code! : result.status;
		},
		'GET /api/v1/me/data': (role) =>
			status(call('GET /api/v1/me/data', actors[role], { query: { space: shared.space } })),
		'DELETE /api/v1/me/data': async (role) => {
			// Erasing revokes the participant: a member of its own, in a space of its own.
			const { space, actor } = await fresh(role);
			return status(call('DELETE /api/v1/me/data', actor, { query: { space } }));
		},
		'PATCH /api/v1/me': (role) =>
			status(
				call('PATCH /api/v1/me', actors[role], {
					query: { space: shared.space },
					body: { displayName: 'Ana' }
				})
			),
		'PUT /api/v1/blobs/{sha256}': (role) => {
			const bytes = new TextEncoder().encode(`photo of ${role} ${newId()}`);
			return status(
				call('PUT /api/v1/blobs/{sha256}', actors[role], {
					params: { sha256: sha256Hex(bytes) },
					query: { space: shared.space },
					raw: { type: 'image/png', bytes }
				})
			);
		},
		'GET /api/v1/blobs/{sha256}': async (role) => {
			const bytes = new TextEncoder().encode(`photo for ${role} ${newId()}`);
			const blob = { params: { sha256: sha256Hex(bytes) }, query: { space: shared.space } };
			const raw = { type: 'image/jpeg', bytes };
			await call('PUT /api/v1/blobs/{sha256}', actors.facilitator, { ...blob, raw });
			return status(call('GET /api/v1/blobs/{sha256}', actors[role], blob));
		},
		'GET /api/v1/spaces/{space}/export.geojson': async (role) => {
			const { space } = await openMap();
			return status(
				call('GET /api/v1/spaces/{space}/export.geojson', actors[role], { params: { space } })
			);
		},
		'GET /api/v1/spaces/{space}/api-keys': async (role) => {
			const { space } = await openMap();
			return status(
				call('GET /api/v1/spaces/{space}/api-keys', actors[role], { params: { space } })
			);
		},
		'POST /api/v1/spaces/{space}/api-keys': async (role) => {
			const { space } = await openMap();
			return status(
				call('POST /api/v1/spaces/{space}/api-keys', actors[role], {
					params: { space },
					body: { label: `Key of ${role}` }
				})
			);
		},
		'DELETE /api/v1/spaces/{space}/api-keys/{key}': async (role) => {
			const { space } = await openMap();
			const made = await call('POST /api/v1/spaces/{space}/api-keys', world.facilitator, {
				params: { space },
				body: { label: 'To revoke' }
			});
			const key = ((await made.json()) as { key: { id: string } }).key.id;
			return status(
				call('DELETE /api/v1/spaces/{space}/api-keys/{key}', actors[role], {
					params: { space, key }
				})
			);
		},
		'GET /api/v1/open311/v2/services.json': async (role) => {
			const query = { jurisdiction_id: (await openMap()).space };
			return status(call('GET /api/v1/open311/v2/services.json', actors[role], { query }));
		},
		'GET /api/v1/open311/v2/requests.json': async (role) => {
			const query = { jurisdiction_id: (await openMap()).space };
			return status(call('GET /api/v1/open311/v2/requests.json', actors[role], { query }));
		},
		'GET /api/v1/open311/v2/requests/{id}.json': async (role) => {
			const { space, idea } = await openMap();
			return status(
				call('GET /api/v1/open311/v2/requests/{id}.json', actors[role], {
					params: { id: idea },
					query: { jurisdiction_id: space }
				})
			);
		},
		'POST /api/v1/open311/v2/requests.json': async (role) => {
			const { space, secret } = await openMap();
			const body = { jurisdiction_id: space, api_key: secret, service_code: 'green' };
			const where = { lat: 54.09, long: 12.14, description: `An idea sent as ${role}` };
			return status(
				call('POST /api/v1/open311/v2/requests.json', actors[role], { body: { ...body, ...where } })
			);
		},
		'GET /api/v1/health': (role) => status(call('GET /api/v1/health', actors[role])),
		'GET /api/v1/config': (role) => status(call('GET /api/v1/config', actors[role])),
		'GET /api/v1/spaces/{space}/impact': (role) =>
			status(
				call('GET /api/v1/spaces/{space}/impact', actors[role], { params: { space: shared.space } })
			),
		'GET /api/v1/spaces/{space}/impact · public impact': async (role) =>
			status(
				call('GET /api/v1/spaces/{space}/impact', actors[role], {
					params: { space: await publicImpact() }
				})
			),
		'GET /api/v1/organisations/{organisation}/impact': async (role) => {
			await publicImpact();
			return status(
				call('GET /api/v1/organisations/{organisation}/impact', actors[role], {
					params: { organisation: world.organisation }
				})
			);
		},
		'GET /api/v1/organisations/{organisation}/impact · no public space': (role) =>
			status(
				call('GET /api/v1/organisations/{organisation}/impact', actors[role], {
					params: { organisation: hubWorld.organisation }
				})
			),
		'GET /api/v1/openapi.json': (role) => status(call('GET /api/v1/openapi.json', actors[role]))
	};

	it('has a case for every row of the table and a row for every case', () => {
		expect(Object.keys(cases).sort()).toEqual(table.map(([row]) => row).sort());
	});

	it.each(cells)('%s as %s → %s', async (row, role, expected) => {
		expect(await cases[row]!(role)).toBe(expected);
	});
});
