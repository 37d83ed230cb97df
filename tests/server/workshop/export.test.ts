import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/lib/domain/auth';
import type { Mutation } from '../../../src/lib/domain/protocol';
import type { Hub } from '../../../src/lib/server/hub';
import { handleModeration } from '../../../src/lib/server/moderation/handlers';
import { handleDuplicateSpace } from '../../../src/lib/server/workshop/duplicate';
import {
	handleExportCsv,
	handleExportDataCard,
	handleExportJson
} from '../../../src/lib/server/workshop/export';
import { engines, type TestDatabase } from '../engines';
import { createWorld, ctx, device, newSpace, push, stateOf, type World } from '../helpers';
import { activity, change, cluster, note, themes, vote } from './fixtures';

function post(body: unknown): Request {
	return new Request('http://hub.test/api/v1/x', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});
}

describe.each(engines)('workshop export and duplicate on $name', (engine) => {
	let database: TestDatabase;
	let hub: Hub;
	let world: World;
	beforeAll(async () => {
		database = await engine.create();
		hub = await database.hub();
		world = await createWorld(hub);
	});
	afterAll(() => database.drop());

	async function send(actor: Actor, mutations: Mutation[], participant?: string) {
		const body = device().body([mutations]);
		if (participant) body.participant = participant;
		const results = (await push(hub, body, actor)).results[0]!.mutations;
		expect(results.map((r) => r.code ?? r.status)).toEqual(mutations.map(() => 'applied'));
	}

	/** A brainstorm with five notes (one hidden, one deleted), a cluster and a dot vote. */
	async function workshop() {
		const space = await world.space();
		const staff = world.facilitator;
		const brainstorm = activity(space, 'brainstorm', { categories: themes, position: 0 });
		const dots = activity(space, 'dot-vote', {
			dots: 5,
			maxPerItem: 3,
			target: brainstorm.id,
			position: 1
		});
		await send(staff, [brainstorm, dots]);
		const texts = [
			'Trees, "shade" and benches',
			'=HYPERLINK("x")',
			'Bike lanes\nnow',
			'Hide me',
			'Gone'
		];
		const notes = texts.map((text, i) =>
			note(space, brainstorm.id, { text, category: i === 0 ? 'energy' : '', createdAt: 1000 + i })
		);
		const ana = await world.member(space);
		await send(ana.actor, notes, ana.participant);
		const group = cluster(space, brainstorm.id, 'Green');
		await send(staff, [group, change('note', notes[0]!.id, space, { cluster: group.id })]);
		const [first, second, third, hidden, gone] = notes.map((n) => n.id) as string[];
		await send(ana.actor, [change('note', gone!, space, { deleted: true })], ana.participant);
		const bob = await world.member(space);
		await send(
			bob.actor,
			[
				vote(space, dots.id, first!, bob.participant, 3),
				vote(space, dots.id, third!, bob.participant, 1),
				vote(space, dots.id, hidden!, bob.participant, 1)
			],
			bob.participant
		);
		await send(ana.actor, [vote(space, dots.id, first!, ana.participant, 2)], ana.participant);
		const moderation = await handleModeration(
			post({ reason: 'Off topic' }),
			ctx(hub, staff),
			{ space, record: hidden! },
			true
		);
		expect(moderation.status).toBe(200);
		return { space, brainstorm: brainstorm.id, dots: dots.id, ids: { first, second, third } };
	}

	it('exports every visible note as CSV with its vote total and no hidden note', async () => {
		const { space, brainstorm, ids } = await workshop();
		const response = await handleExportCsv(space, ctx(hub, world.facilitator));
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toContain('text/csv');
		expect(response.headers.get('link')).toBe(
			`</api/v1/spaces/${space}/export.datacard.json>; rel="describedby"`
		);
		const parsed = Papa.parse<Record<string, string>>(await response.text(), {
			header: true,
			skipEmptyLines: true
		});
		expect(parsed.errors).toEqual([]);
		expect(parsed.meta.fields).toEqual([
			'activity',
			'activity_prompt',
			'cluster',
			'category',
			'text',
			'language',
			'votes',
			'hidden',
			'created_at',
			'updated_at'
		]);
		const rows = parsed.data;
		expect(rows.map((r) => r.text)).toEqual([
			'Trees, "shade" and benches',
			`'=HYPERLINK("x")`,
			'Bike lanes\nnow'
		]);
		expect(rows.map((r) => r.votes)).toEqual(['5', '0', '1']);
		expect(rows.map((r) => r.hidden)).toEqual(['false', 'false', 'false']);
		expect(rows[0]).toMatchObject({ activity: brainstorm, cluster: 'Green', category: 'energy' });
		expect(rows[0]!.activity_prompt).toBe('Prompt for brainstorm');
		expect(rows[0]!.created_at).toBe(new Date(1000).toISOString());
		expect(Date.parse(rows[0]!.updated_at!)).toBeGreaterThan(0);
		expect(ids.first).toBeDefined();
	});

	it('exports JSON with licence, data card and results, and no hidden or personal data', async () => {
		const { space, dots, ids } = await workshop();
		const response = await handleExportJson(space, ctx(hub, world.admin));
		expect(response.status).toBe(200);
		const text = await response.text();
		const body = JSON.parse(text) as {
			licence: string;
			dataCard: Record<string, string>;
			notes: { id: string }[];
			results: { activity: string; votes?: { item: string; votes: number }[] }[];
		};
		expect(body.licence).toBe('CC-BY-4.0');
		expect(Object.keys(body.dataCard)).toEqual(['what', 'where', 'when', 'how']);
		expect(body.notes.map((n) => n.id)).toEqual([ids.first, ids.second, ids.third]);
		const ranking = body.results.find((r) => r.activity === dots)!.votes!;
		expect(ranking[0]).toMatchObject({ item: ids.first, votes: 5 });
		expect(text).not.toContain('Hide me');
		expect(text).not.toContain('Gone');
		expect(text).not.toContain('"Ana"');
		const card = await handleExportDataCard(space, ctx(hub, world.facilitator));
		expect(await card.json()).toMatchObject({ licence: 'CC-BY-4.0' });
	});

	it('lets only the staff of the space export', async () => {
		const { space } = await workshop();
		const ana = await world.member(space);
		expect((await handleExportCsv(space, ctx(hub, ana.actor))).status).toBe(403);
		expect((await handleExportJson(space, ctx(hub, { kind: 'anonymous' }))).status).toBe(401);
		expect((await handleExportCsv(space, ctx(hub, world.otherFacilitator))).status).toBe(403);
	});

	it('duplicates a workshop with its activities as drafts and nothing else', async () => {
		const { space, brainstorm, dots } = await workshop();
		await send(world.facilitator, [change('activity', dots, space, { timerEndsAt: 5000 })]);
		const id = newSpace('copy');
		const response = await handleDuplicateSpace(
			post({ id, title: 'Second evening' }),
			space,
			ctx(hub, world.facilitator)
		);
		expect(response.status).toBe(201);
		const { space: copy } = (await response.json()) as { space: Record<string, unknown> };
		expect(copy).toMatchObject({ id, title: 'Second evening', kind: 'workshop', status: 'open' });
		expect(copy.joinCode).toEqual(expect.any(String));
		const records = [...(await stateOf(hub, id, world.facilitator)).values()];
		expect(records.map((r) => r.type)).toEqual(['activity', 'activity']);
		const ids = new Set(records.map((r) => r.id));
		expect(ids.has(brainstorm) || ids.has(dots)).toBe(false);
		for (const r of records) {
			expect(r.fields.status).toBe('draft');
			expect(r.fields.timerEndsAt).toBeNull();
			expect(r.author).toBe(world.facilitator.accountId);
		}
		const copiedVote = records.find((r) => r.fields.kind === 'dot-vote')!;
		const copiedBrainstorm = records.find((r) => r.fields.kind === 'brainstorm')!;
		expect(copiedVote.fields.target).toBe(copiedBrainstorm.id);
		const audit = await hub.db.query<{ action: string }>(
			"SELECT action FROM audit_log WHERE action = 'space.duplicate' AND target = $1",
			[id]
		);
		expect(audit).toHaveLength(1);
	});

	it('lets only the staff of the space duplicate it, and never over an existing id', async () => {
		const space = await world.space();
		const ana = await world.member(space);
		const body = () => post({ id: newSpace('copy'), title: 'Copy' });
		expect((await handleDuplicateSpace(body(), space, ctx(hub, ana.actor))).status).toBe(403);
		const other = ctx(hub, world.otherFacilitator);
		expect((await handleDuplicateSpace(body(), space, other)).status).toBe(403);
		const taken = post({ id: space, title: 'Copy' });
		expect((await handleDuplicateSpace(taken, space, ctx(hub, world.facilitator))).status).toBe(
			409
		);
	});
});
