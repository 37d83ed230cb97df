/**
 * The authorisation matrix: ONE table of (route or mutation kind) × role → expected outcome,
 * run against a fresh space per cell. A push outcome is the mutation's status or rejection
 * code (or the HTTP status when the push as a whole is refused); a route outcome is the HTTP
 * status.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/lib/domain/auth';
import { newId } from '../../src/lib/domain/ids';
import type { Fields } from '../../src/lib/domain/merge';
import { authorOf } from '../../src/lib/domain/policy';
import type { PushResponse } from '../../src/lib/domain/protocol';
import { handleEvents, handlePull, handlePush } from '../../src/lib/server/api';
import type { Hub } from '../../src/lib/server/hub';
import {
	handleListReports,
	handleModeration,
	handleReport
} from '../../src/lib/server/moderation/handlers';
import { handleEraseMyData, handleExportMyData } from '../../src/lib/server/privacy/handlers';
import { engines, type TestDatabase } from './engines';
import {
	createWorld,
	ctx,
	device,
	hlc,
	ideaFields,
	mutation,
	pullRequest,
	push,
	pushRequest,
	type World
} from './helpers';

const roles = [
	'anonymous',
	'participant',
	'otherParticipant',
	'otherFacilitator',
	'facilitator',
	'admin'
] as const;
type Role = (typeof roles)[number];
type Outcome = string | number;

/** row → expected outcome per role, in the order of `roles`. */
const table: [string, Outcome[]][] = [
	['push: create', [401, 'applied', 'forbidden', 'forbidden', 'applied', 'applied']],
	['push: edit own', [401, 'applied', 'forbidden', 'forbidden', 'applied', 'applied']],
	["push: edit other's", [401, 'forbidden', 'forbidden', 'forbidden', 'applied', 'applied']],
	['push: delete own', [401, 'applied', 'forbidden', 'forbidden', 'applied', 'applied']],
	["push: delete other's", [401, 'forbidden', 'forbidden', 'forbidden', 'applied', 'applied']],
	['push: set hidden', [401, 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden']],
	[
		'push: create in a closed space',
		[401, 'space-closed', 'space-closed', 'space-closed', 'space-closed', 'space-closed']
	],
	[
		'push: create in an unknown space',
		[401, 'unknown-space', 'unknown-space', 'unknown-space', 'unknown-space', 'unknown-space']
	],
	['GET sync/pull', [401, 200, 403, 403, 200, 200]],
	['GET sync/pull (published space)', [200, 200, 200, 200, 200, 200]],
	['GET events', [401, 200, 403, 403, 200, 200]],
	['POST records/{record}/hide', [401, 403, 403, 403, 200, 200]],
	['POST records/{record}/unhide', [401, 403, 403, 403, 200, 200]],
	['POST records/{record}/report', [401, 201, 403, 403, 201, 201]],
	['GET spaces/{space}/reports', [401, 403, 403, 403, 200, 200]],
	['GET me/data', [401, 200, 403, 403, 403, 403]],
	['DELETE me/data', [401, 200, 403, 403, 403, 403]]
];

const cells = table.flatMap(([row, expected]) =>
	roles.map((role, i) => [row, role, expected[i]!] as [string, Role, Outcome])
);

describe.each(engines)('authorisation matrix on $name', (engine) => {
	let database: TestDatabase;
	let hub: Hub;
	let world: World;
	beforeAll(async () => {
		database = await engine.create();
		hub = await database.hub();
		world = await createWorld(hub);
	});
	afterAll(() => database.drop());

	/** A fresh space with a record of the actor's own, one of someone else, and the actors. */
	async function stage(role: Role, options: { published?: boolean } = {}) {
		const space = await world.space(options);
		const participant = await world.member(space);
		const stranger = await world.member(await world.space());
		const someone = await world.member(space);
		const actors: Record<Role, Actor> = {
			anonymous: { kind: 'anonymous' },
			participant: participant.actor,
			otherParticipant: stranger.actor,
			otherFacilitator: world.otherFacilitator,
			facilitator: world.facilitator,
			admin: world.admin
		};
		const actor = actors[role];
		const [own, other] = [newId(), newId()];
		const seed = [mutation(own, space, ideaFields()), mutation(other, space, ideaFields())];
		await push(hub, someone.body([seed]), someone.actor);
		await hub.db.query('UPDATE records SET author = $1 WHERE id = $2', [
			authorOf(actor) ?? newId(),
			own
		]);
		return { space, actor, own, other };
	}

	async function pushOne(actor: Actor, space: string, id: string, patch: Fields) {
		const body = device().body([[mutation(id, space, patch, hlc(100))]]);
		const response = await handlePush(pushRequest(body), ctx(hub, actor));
		if (response.status !== 200) return response.status;
		const answer = (await response.json()) as PushResponse;
		const result = answer.results[0]!.mutations[0]!;
		return result.status === 'rejected' ? result.code! : result.status;
	}

	const post = (body: unknown) =>
		new Request('http://hub.test/api/v1/x', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body)
		});
	const meData = (space: string, method: string) =>
		new Request(`http://hub.test/api/v1/me/data?space=${space}`, { method });

	const cases: Record<string, (role: Role) => Promise<Outcome>> = {
		'push: create': async (role) => {
			const { space, actor } = await stage(role);
			return pushOne(actor, space, newId(), ideaFields());
		},
		'push: edit own': async (role) => {
			const { space, actor, own } = await stage(role);
			return pushOne(actor, space, own, { title: 'Edited' });
		},
		"push: edit other's": async (role) => {
			const { space, actor, other } = await stage(role);
			return pushOne(actor, space, other, { title: 'Edited' });
		},
		'push: delete own': async (role) => {
			const { space, actor, own } = await stage(role);
			return pushOne(actor, space, own, { deleted: true });
		},
		"push: delete other's": async (role) => {
			const { space, actor, other } = await stage(role);
			return pushOne(actor, space, other, { deleted: true });
		},
		'push: set hidden': async (role) => {
			const { space, actor, own } = await stage(role);
			return pushOne(actor, space, own, { hidden: false });
		},
		'push: create in a closed space': async (role) => {
			const { space, actor } = await stage(role);
			await hub.db.query("UPDATE spaces SET status = 'closed' WHERE id = $1", [space]);
			return pushOne(actor, space, newId(), ideaFields());
		},
		'push: create in an unknown space': async (role) => {
			const { actor } = await stage(role);
			return pushOne(actor, `nowhere-${newId().slice(-8)}`, newId(), ideaFields());
		},
		'GET sync/pull': async (role) => {
			const { space, actor } = await stage(role);
			return (await handlePull(pullRequest({ space }), ctx(hub, actor))).status;
		},
		'GET sync/pull (published space)': async (role) => {
			const { space, actor } = await stage(role, { published: true });
			return (await handlePull(pullRequest({ space }), ctx(hub, actor))).status;
		},
		'GET events': async (role) => {
			const { space, actor } = await stage(role);
			const abort = new AbortController();
			const request = new Request(`http://hub.test/api/v1/events?space=${space}`, {
				signal: abort.signal
			});
			const response = await handleEvents(request, ctx(hub, actor));
			abort.abort();
			return response.status;
		},
		'POST records/{record}/hide': async (role) => {
			const { space, actor, other } = await stage(role);
			const reason = { reason: 'Off topic' };
			return (await handleModeration(post(reason), ctx(hub, actor), { space, record: other }, true))
				.status;
		},
		'POST records/{record}/unhide': async (role) => {
			const { space, actor, other } = await stage(role);
			const reason = { reason: 'On topic after all' };
			await handleModeration(post(reason), ctx(hub, world.admin), { space, record: other }, true);
			return (
				await handleModeration(post(reason), ctx(hub, actor), { space, record: other }, false)
			).status;
		},
		'POST records/{record}/report': async (role) => {
			const { space, actor, other } = await stage(role);
			return (
				await handleReport(post({ reason: 'Spam' }), ctx(hub, actor), { space, record: other })
			).status;
		},
		'GET spaces/{space}/reports': async (role) => {
			const { space, actor } = await stage(role);
			return (await handleListReports(ctx(hub, actor), space)).status;
		},
		'GET me/data': async (role) => {
			const { space, actor } = await stage(role);
			return (await handleExportMyData(meData(space, 'GET'), ctx(hub, actor))).status;
		},
		'DELETE me/data': async (role) => {
			const { space, actor } = await stage(role);
			return (await handleEraseMyData(meData(space, 'DELETE'), ctx(hub, actor))).status;
		}
	};

	it('has a case for every row of the table and a row for every case', () => {
		expect(Object.keys(cases).sort()).toEqual(table.map(([row]) => row).sort());
	});

	it.each(cells)('%s as %s → %s', async (row, role, expected) => {
		expect(await cases[row]!(role)).toBe(expected);
	});
});
