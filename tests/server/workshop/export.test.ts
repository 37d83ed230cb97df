import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/lib/domain/auth';
import type { Mutation } from '../../../src/lib/domain/protocol';
import { newId } from '../../../src/lib/domain/ids';
import type { Hub } from '../../../src/lib/server/hub';
import { handleModeration } from '../../../src/lib/server/moderation/handlers';
import { handleDuplicateSpace } from '../../../src/lib/server/workshop/duplicate';
import {
	handleExportCsv,
	handleExportDataCard,
	handleExportJson
} from '../../../src/lib/server/workshop/export';
import { engines, type TestDatabase } from '../engines';
import {
	createWorld,
	ctx,
	device,
	newSpace,
	push,
	stateOf,
	uploadBlob,
	type World
} from '../helpers';
import { activity, change, cluster, note, themes, vote } from './fixtures';

/** An export request without parameters: the handlers read only its query. */
const exportRequest = new Request('https://plaza.example.org/api/v1/spaces/x/export');

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

	/** Uploads `text` as a PNG blob of `space` (staff) and returns its name. */
	async function upload(space: string, text: string): Promise<string> {
		const { name, response } = await uploadBlob(hub, world.facilitator, space, text);
		expect(response.status).toBe(201);
		return name;
	}

	/**
	 * A brainstorm with five notes (one hidden, one deleted), a cluster of the first and a
	 * second note, a dot vote with dots on notes and on the cluster, and two photos.
	 */
	async function workshop() {
		const space = await world.space({ kind: 'workshop' });
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
		const merged = cluster(space, brainstorm.id, 'Trees');
		await send(staff, [
			group,
			merged,
			change('note', notes[0]!.id, space, { cluster: group.id }),
			change('note', notes[1]!.id, space, { cluster: merged.id }),
			change('cluster', merged.id, space, { mergedInto: group.id })
		]);
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
		// Dots on the cluster: one on the merged one counts for the cluster it went into.
		const carol = await world.member(space);
		await send(
			carol.actor,
			[
				vote(space, dots.id, group.id, carol.participant, 2),
				vote(space, dots.id, merged.id, carol.participant, 1)
			],
			carol.participant
		);
		const wall = await upload(space, 'the wall of cards');
		const gonePhoto = await upload(space, 'a blurred photo');
		const photo = (sha256: string, caption: string, createdAt: number) =>
			change('photo', newId(), space, { activity: brainstorm.id, sha256, caption, createdAt });
		const shown = photo(wall, 'Wall of cards, "green" corner', 2000);
		const deleted = photo(gonePhoto, 'Blurred', 2001);
		await send(staff, [shown, deleted]);
		await send(staff, [change('photo', deleted.id, space, { deleted: true })]);
		const moderation = await handleModeration(
			post({ reason: 'Off topic' }),
			ctx(hub, staff),
			{ space, record: hidden! },
			true
		);
		expect(moderation.status).toBe(200);
		return {
			space,
			brainstorm: brainstorm.id,
			dots: dots.id,
			ids: { first, second, third },
			photo: { id: shown.id, sha256: wall }
		};
	}

	it('exports every visible note as CSV with its vote total and no hidden note', async () => {
		const { space, brainstorm, ids } = await workshop();
		const response = await handleExportCsv(exportRequest, space, ctx(hub, world.facilitator));
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
			'cluster_votes',
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
		// votes: dots on the note itself; cluster_votes: dots on the cluster it is shown in
		// ("Trees" was merged into "Green", so its dot counts there too).
		expect(rows.map((r) => r.votes)).toEqual(['5', '0', '1']);
		expect(rows.map((r) => r.cluster_votes)).toEqual(['3', '3', '0']);
		expect(rows.map((r) => r.cluster)).toEqual(['Green', 'Green', '']);
		expect(rows.map((r) => r.hidden)).toEqual(['false', 'false', 'false']);
		expect(rows[0]).toMatchObject({ activity: brainstorm, cluster: 'Green', category: 'energy' });
		expect(rows[0]!.activity_prompt).toBe('Prompt for brainstorm');
		expect(rows[0]!.created_at).toBe(new Date(1000).toISOString());
		expect(Date.parse(rows[0]!.updated_at!)).toBeGreaterThan(0);
		expect(ids.first).toBeDefined();
		// Photos are in the JSON export only.
		expect(parsed.data.some((r) => Object.values(r).some((v) => v.includes('Wall of cards')))).toBe(
			false
		);
	});

	it('exports JSON with licence, data card and results, and no hidden or personal data', async () => {
		const { space, dots, ids, brainstorm, photo } = await workshop();
		const response = await handleExportJson(exportRequest, space, ctx(hub, world.admin));
		expect(response.status).toBe(200);
		const text = await response.text();
		const body = JSON.parse(text) as {
			licence: string;
			dataCard: Record<string, string>;
			notes: { id: string; votes: number; clusterVotes: number }[];
			photos: Record<string, unknown>[];
			results: { activity: string; votes?: { item: string; votes: number }[] }[];
		};
		expect(body.licence).toBe('CC-BY-4.0');
		expect(Object.keys(body.dataCard)).toEqual(['what', 'where', 'when', 'how']);
		expect(body.notes.map((n) => n.id)).toEqual([ids.first, ids.second, ids.third]);
		const ranking = body.results.find((r) => r.activity === dots)!.votes!;
		expect(ranking[0]).toMatchObject({ item: ids.first, votes: 5 });
		expect(body.notes.map((n) => [n.votes, n.clusterVotes])).toEqual([
			[5, 3],
			[0, 3],
			[1, 0]
		]);
		expect(body.photos).toEqual([
			{
				id: photo.id,
				activity: brainstorm,
				sha256: photo.sha256,
				caption: 'Wall of cards, "green" corner',
				createdAt: new Date(2000).toISOString(),
				url: `/api/v1/blobs/${photo.sha256}?space=${space}`
			}
		]);
		expect(text).not.toContain('Blurred');
		// Once the hub no longer holds the bytes (retention), the photo stays without a URL.
		await hub.db.query('DELETE FROM blobs WHERE space = $1', [space]);
		const after = await handleExportJson(exportRequest, space, ctx(hub, world.admin));
		const { photos } = (await after.json()) as { photos: { url: string | null }[] };
		expect(photos.map((p) => p.url)).toEqual([null]);
		expect(text).not.toContain('Hide me');
		expect(text).not.toContain('Gone');
		expect(text).not.toContain('"Ana"');
		const card = await handleExportDataCard(space, ctx(hub, world.facilitator));
		const described = (await card.json()) as {
			licence: string;
			columns: string[];
			columnDescriptions: Record<string, string>;
		};
		expect(described.licence).toBe('CC-BY-4.0');
		expect(Object.keys(described.columnDescriptions)).toEqual(described.columns);
		expect(described.columnDescriptions.cluster_votes).toMatch(/cluster/);
	});

	it('lets only the staff of the space export', async () => {
		const { space } = await workshop();
		const ana = await world.member(space);
		expect((await handleExportCsv(exportRequest, space, ctx(hub, ana.actor))).status).toBe(403);
		expect(
			(await handleExportJson(exportRequest, space, ctx(hub, { kind: 'anonymous' }))).status
		).toBe(401);
		expect(
			(await handleExportCsv(exportRequest, space, ctx(hub, world.otherFacilitator))).status
		).toBe(403);
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
