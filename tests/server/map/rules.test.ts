import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/lib/domain/auth';
import { newId } from '../../../src/lib/domain/ids';
import type { Mutation, MutationResult } from '../../../src/lib/domain/protocol';
import { handleGetBlob } from '../../../src/lib/server/blobs/handlers';
import type { Hub } from '../../../src/lib/server/hub';
import { handleModeration } from '../../../src/lib/server/moderation/handlers';
import { engines, type TestDatabase } from '../engines';
import {
	createWorld,
	ctx,
	device,
	ideaFields,
	mutation,
	push,
	stateOf,
	uploadBlob,
	type World
} from '../helpers';
import { activity, change, note } from '../workshop/fixtures';
import {
	comment,
	inHole,
	inside,
	mapIdea,
	mapSettings,
	mapSpace,
	outside,
	point,
	support,
	supportId
} from './kit';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const png = () => new TextEncoder().encode(`\x89PNG map photo ${newId()}`);

describe.each(engines)('map push rules on $name', (engine) => {
	let database: TestDatabase;
	let hub: Hub;
	let world: World;
	beforeAll(async () => {
		database = await engine.create();
		hub = await database.hub();
		world = await createWorld(hub);
	});
	afterAll(() => database.drop());

	/** Pushes mutations as one batch of a fresh device; the per-mutation results. */
	async function send(actor: Actor, mutations: Mutation[]): Promise<MutationResult[]> {
		const body = device().body([mutations]);
		if (actor.kind === 'participant') body.participant = actor.participant;
		const response = await push(hub, body, actor);
		return response.results[0]!.mutations;
	}
	const codes = (results: MutationResult[]) => results.map((r) => r.code ?? r.status);
	const staff = () => world.facilitator;

	const upload = (actor: Actor, space: string, bytes = png()) =>
		uploadBlob(hub, actor, space, bytes);

	it('lets a participant place an idea, support it and comment on it; others see them', async () => {
		const space = await mapSpace(hub, world);
		const [ana, ben] = [await world.member(space), await world.member(space)];
		const idea = mapIdea(space);
		expect(codes(await send(ana.actor, [idea]))).toEqual(['applied']);
		const results = await send(ben.actor, [
			support(space, idea.id, ben.participant),
			comment(space, idea.id)
		]);
		expect(codes(results)).toEqual(['applied', 'applied']);
		const seen = await stateOf(hub, space, ana.actor);
		expect([...seen.values()].map((r) => r.type).sort()).toEqual(['comment', 'mapIdea', 'support']);
		expect(seen.get(idea.id)!.fields).toMatchObject({ category: 'green', photos: '[]' });
	});

	it('keeps map records in map spaces and other records out of them', async () => {
		const ideas = await world.space();
		const member = await world.member(ideas);
		const stray = await send(member.actor, [mapIdea(ideas), comment(ideas, newId())]);
		expect(codes(stray)).toEqual(['invalid-record', 'invalid-record']);
		expect(stray[0]!.message).toMatch(/belong to a map/);

		const space = await mapSpace(hub, world);
		const ana = await world.member(space);
		const brainstorm = activity(space, 'brainstorm');
		const refused = await send(staff(), [mutation(newId(), space, ideaFields()), brainstorm]);
		expect(codes(refused)).toEqual(['invalid-record', 'invalid-record']);
		expect(refused[0]!.message).toMatch(/map ideas, supports and comments only/);
		expect(codes(await send(ana.actor, [note(space, brainstorm.id)]))).toEqual(['invalid-record']);
		expect((await stateOf(hub, space, staff())).size).toBe(0);
	});

	it('takes ideas from participants only within the open period, from staff any time', async () => {
		const hour = 3_600_000;
		const later = await mapSpace(
			hub,
			world,
			mapSettings({ opensAt: new Date(Date.now() + hour).toISOString() })
		);
		const ended = await mapSpace(
			hub,
			world,
			mapSettings({
				opensAt: new Date(Date.now() - 2 * hour).toISOString(),
				closesAt: new Date(Date.now() - hour).toISOString()
			})
		);
		const open = await mapSpace(
			hub,
			world,
			mapSettings({
				opensAt: new Date(Date.now() - hour).toISOString(),
				closesAt: new Date(Date.now() + hour).toISOString()
			})
		);
		for (const space of [later, ended]) {
			const ana = await world.member(space);
			const refused = await send(ana.actor, [mapIdea(space)]);
			expect(codes(refused)).toEqual(['space-closed']);
			expect(codes(await send(staff(), [mapIdea(space)]))).toEqual(['applied']);
		}
		const ana = await world.member(open);
		expect(codes(await send(ana.actor, [mapIdea(open)]))).toEqual(['applied']);

		// A participant cannot change or withdraw after the period either.
		const idea = mapIdea(ended);
		await send(staff(), [idea]);
		const ben = await world.member(ended);
		expect(codes(await send(ben.actor, [support(ended, idea.id, ben.participant)]))).toEqual([
			'space-closed'
		]);

		const closed = await mapSpace(hub, world, mapSettings(), { status: 'closed' });
		const cleo = await world.member(closed);
		expect(codes(await send(cleo.actor, [mapIdea(closed)]))).toEqual(['space-closed']);
	});

	it("refuses a category that is not one of the map's", async () => {
		const space = await mapSpace(hub, world);
		const ana = await world.member(space);
		const results = await send(ana.actor, [mapIdea(space, { category: 'parking' })]);
		expect(codes(results)).toEqual(['invalid-record']);
		expect(results[0]!.message).toMatch(/^category: /);
	});

	it('refuses a geometry with any position outside the boundary or in its hole', async () => {
		const space = await mapSpace(hub, world);
		const ana = await world.member(space);
		const line = (end: [number, number]) =>
			JSON.stringify({ type: 'LineString', coordinates: [inside, end] });
		const area = JSON.stringify({
			type: 'Polygon',
			coordinates: [[inside, [12.13, 54.095], [12.17, 54.095], inside]]
		});
		const results = await send(ana.actor, [
			mapIdea(space, { geometry: point(outside) }),
			mapIdea(space, { geometry: point(inHole) }),
			mapIdea(space, { geometry: line(outside) }),
			mapIdea(space, { geometry: area }),
			mapIdea(space, { geometry: line([12.15, 54.095]) })
		]);
		expect(codes(results)).toEqual([
			'invalid-record',
			'invalid-record',
			'invalid-record',
			'invalid-record',
			'applied'
		]);
		for (const result of results.slice(0, 4)) expect(result.message).toMatch(/^geometry: /);

		// Moving an idea outside later is refused too; the idea stays where it was.
		const idea = mapIdea(space);
		await send(ana.actor, [idea]);
		const move = change('mapIdea', idea.id, space, { geometry: point(outside) });
		expect(codes(await send(ana.actor, [move]))).toEqual(['invalid-record']);
		expect((await stateOf(hub, space, ana.actor)).get(idea.id)!.fields.geometry).toBe(
			point(inside)
		);

		const open = await mapSpace(hub, world, mapSettings({ boundary: null }));
		const ben = await world.member(open);
		expect(codes(await send(ben.actor, [mapIdea(open, { geometry: point(outside) })]))).toEqual([
			'applied'
		]);
	});

	it('lets an idea keep a category the map no longer has while other fields change', async () => {
		const space = await mapSpace(hub, world);
		const ana = await world.member(space);
		const idea = mapIdea(space, { category: 'mobility' });
		await send(ana.actor, [idea]);
		await hub.db.query(
			`UPDATE spaces SET map_settings = jsonb_set(map_settings, '{categories}',
				'[{"id":"green","label":"Green","colour":"#0b6e4f","icon":"tree"}]') WHERE id = $1`,
			[space]
		);
		const retitle = change('mapIdea', idea.id, space, { title: 'A bench and a bike rack' });
		expect(codes(await send(ana.actor, [retitle]))).toEqual(['applied']);
		const recategorise = change('mapIdea', idea.id, space, { category: 'mobility' });
		expect(codes(await send(ana.actor, [recategorise]))).toEqual(['invalid-record']);
	});

	it('needs the photos of an idea uploaded to this space first', async () => {
		const space = await mapSpace(hub, world);
		const other = await mapSpace(hub, world);
		const ana = await world.member(space);
		const stored = await upload(ana.actor, space);
		expect(stored.response.status).toBe(201);
		const elsewhere = await upload(staff(), other);
		expect(elsewhere.response.status).toBe(201);
		const never = sha(png());
		const results = await send(ana.actor, [
			mapIdea(space, { photos: JSON.stringify([stored.name, never]) }),
			mapIdea(space, { photos: JSON.stringify([elsewhere.name]) }),
			mapIdea(space, { photos: JSON.stringify([stored.name]) })
		]);
		expect(codes(results)).toEqual(['missing-blob', 'missing-blob', 'applied']);

		// Anyone who may pull the space gets the photo; others do not.
		const get = (actor: Actor, id: string) =>
			handleGetBlob(
				new Request(`http://hub.test/api/v1/blobs/${stored.name}?space=${id}`),
				stored.name,
				ctx(hub, actor)
			);
		const ben = await world.member(space);
		expect((await get(ben.actor, space)).status).toBe(200);
		expect((await get(staff(), space)).status).toBe(200);
		expect((await get({ kind: 'anonymous' }, space)).status).toBe(401);
		const outsider = await world.member(other);
		expect((await get(outsider.actor, space)).status).toBe(403);
	});

	it('takes one support per person and idea, by its once-per-person id', async () => {
		const space = await mapSpace(hub, world);
		const [ana, ben] = [await world.member(space), await world.member(space)];
		const idea = mapIdea(space);
		await send(ana.actor, [idea]);

		const forged = { ...support(space, idea.id, ben.participant), id: newId() };
		const forOther = support(space, idea.id, ana.participant);
		const refused = await send(ben.actor, [forged, forOther]);
		expect(codes(refused)).toEqual(['invalid-record', 'invalid-record']);
		expect(refused[0]!.message).toMatch(/once-per-person/);

		// Two devices of one person make the same record, not two supports.
		expect(codes(await send(ben.actor, [support(space, idea.id, ben.participant)]))).toEqual([
			'applied'
		]);
		expect(codes(await send(ben.actor, [support(space, idea.id, ben.participant)]))).toEqual([
			'applied'
		]);
		const supports = [...(await stateOf(hub, space, ana.actor)).values()].filter(
			(r) => r.type === 'support'
		);
		expect(supports.map((r) => r.id)).toEqual([supportId(space, idea.id, ben.participant)]);

		// Withdrawing deletes it; supporting again brings it back.
		const id = supportId(space, idea.id, ben.participant);
		expect(codes(await send(ben.actor, [change('support', id, space, { deleted: true })]))).toEqual(
			['applied']
		);
		expect(
			codes(await send(ben.actor, [change('support', id, space, { deleted: false })]))
		).toEqual(['applied']);
	});

	it('refuses supports and comments for what is not a live map idea of the space', async () => {
		const space = await mapSpace(hub, world);
		const other = await mapSpace(hub, world);
		const ana = await world.member(space);
		const gone = mapIdea(space);
		const hidden = mapIdea(space);
		const foreign = mapIdea(other);
		await send(staff(), [gone, hidden, foreign]);
		await send(staff(), [change('mapIdea', gone.id, space, { deleted: true })]);
		const hide = await handleModeration(
			new Request('http://hub.test/hide', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ reason: 'Personal data' })
			}),
			ctx(hub, staff()),
			{ space, record: hidden.id },
			true
		);
		expect(hide.status).toBe(200);
		const targets = [newId(), gone.id, hidden.id, foreign.id];
		const supports = await send(
			ana.actor,
			targets.map((idea) => support(space, idea, ana.participant))
		);
		expect(codes(supports)).toEqual(targets.map(() => 'invalid-record'));
		for (const result of supports) expect(result.message).toMatch(/^idea: /);
		const comments = await send(
			ana.actor,
			targets.map((idea) => comment(space, idea))
		);
		expect(codes(comments)).toEqual(targets.map(() => 'invalid-record'));

		// An idea made earlier in the same batch counts.
		const fresh = mapIdea(space);
		const batch = await send(ana.actor, [
			fresh,
			support(space, fresh.id, ana.participant),
			comment(space, fresh.id)
		]);
		expect(codes(batch)).toEqual(['applied', 'applied', 'applied']);
	});

	it('tombstones a hidden map idea to participants and keeps it for staff', async () => {
		const space = await mapSpace(hub, world, mapSettings(), { published: true });
		const ana = await world.member(space);
		const idea = mapIdea(space, { title: 'My phone number is …' });
		await send(ana.actor, [idea]);
		const hide = await handleModeration(
			new Request('http://hub.test/hide', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ reason: 'Personal data' })
			}),
			ctx(hub, staff()),
			{ space, record: idea.id },
			true
		);
		expect(hide.status).toBe(200);
		for (const actor of [ana.actor, { kind: 'anonymous' } as Actor]) {
			const seen = (await stateOf(hub, space, actor)).get(idea.id)!;
			expect(seen).toMatchObject({ hidden: true, fields: { deleted: true } });
			expect(Object.keys(seen.fields)).toEqual(['deleted']);
		}
		const forStaff = (await stateOf(hub, space, staff())).get(idea.id)!;
		expect(forStaff.fields.title).toBe('My phone number is …');
		// Its author can no longer change it.
		const edit = change('mapIdea', idea.id, space, { title: 'Changed' });
		expect(codes(await send(ana.actor, [edit]))).toEqual(['forbidden']);
	});
});
