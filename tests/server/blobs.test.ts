import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/lib/domain/auth';
import { newId } from '../../src/lib/domain/ids';
import { handleGetBlob, handlePutBlob } from '../../src/lib/server/blobs/handlers';
import type { Hub } from '../../src/lib/server/hub';
import { handleEraseMyData } from '../../src/lib/server/privacy/handlers';
import { engines, type TestDatabase } from './engines';
import { createWorld, ctx, device, push, type Member, type World } from './helpers';
import { activity, change } from './workshop/fixtures';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** Some bytes that stand in for a PNG: the hub checks type and hash, not pixels. */
const png = (seed: string) => new TextEncoder().encode(`\x89PNG fake image ${seed} ${newId()}`);

function putRequest(
	name: string,
	space: string,
	bytes: Uint8Array<ArrayBuffer>,
	type = 'image/png'
): Request {
	return new Request(`http://hub.test/api/v1/blobs/${name}?space=${space}`, {
		method: 'PUT',
		headers: { 'content-type': type },
		body: bytes
	});
}
const getRequest = (name: string, space: string) =>
	new Request(`http://hub.test/api/v1/blobs/${name}?space=${space}`);

describe.each(engines)('blobs on $name', (engine) => {
	let database: TestDatabase;
	let hub: Hub;
	let world: World;
	beforeAll(async () => {
		database = await engine.create();
		hub = await database.hub();
		world = await createWorld(hub);
	});
	afterAll(() => database.drop());

	const put = (
		actor: Actor,
		space: string,
		bytes: Uint8Array<ArrayBuffer>,
		name = sha(bytes),
		type?: string
	) => handlePutBlob(putRequest(name, space, bytes, type), name, ctx(hub, actor));
	const get = (actor: Actor, space: string, name: string) =>
		handleGetBlob(getRequest(name, space), name, ctx(hub, actor));
	const count = async (space: string) =>
		Number(
			(
				await hub.db.query<{ n: unknown }>('SELECT count(*) AS n FROM blobs WHERE space = $1', [
					space
				])
			)[0]!.n
		);

	it('stores a photo once and serves the same bytes, privately cached for a year', async () => {
		const space = await world.space();
		const bytes = png('board');
		const first = await put(world.facilitator, space, bytes);
		expect(first.status).toBe(201);
		const again = await put(world.facilitator, space, bytes);
		expect(again.status).toBe(200);
		expect(await count(space)).toBe(1);
		const answer = await get(world.facilitator, space, sha(bytes));
		expect(answer.status).toBe(200);
		expect(answer.headers.get('content-type')).toBe('image/png');
		expect(answer.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
		expect(sha(new Uint8Array(await answer.arrayBuffer()))).toBe(sha(bytes));
	});

	it('lets participants of the space upload and read, and nobody else', async () => {
		const space = await world.space();
		const member = await world.member(space);
		const stranger = await world.member(await world.space());
		const bytes = png('participant');
		expect((await put({ kind: 'anonymous' }, space, bytes)).status).toBe(401);
		expect((await put(stranger.actor, space, bytes)).status).toBe(403);
		expect((await put(world.otherFacilitator, space, bytes)).status).toBe(403);
		expect((await put(member.actor, space, bytes)).status).toBe(201);
		expect((await get(member.actor, space, sha(bytes))).status).toBe(200);
		expect((await get(world.admin, space, sha(bytes))).status).toBe(200);
		expect((await get({ kind: 'anonymous' }, space, sha(bytes))).status).toBe(401);
		expect((await get(stranger.actor, space, sha(bytes))).status).toBe(403);
		// A blob belongs to its space: the name alone does not open it elsewhere.
		const other = await world.space();
		expect((await get(world.facilitator, other, sha(bytes))).status).toBe(404);
	});

	it('refuses a body that does not hash to its name, a wrong type and a closed space', async () => {
		const space = await world.space();
		const bytes = png('mismatch');
		const wrong = await put(world.facilitator, space, bytes, sha(png('other')));
		expect(wrong.status).toBe(400);
		expect((await wrong.json()).error.code).toBe('invalid-request');
		expect((await put(world.facilitator, space, bytes, sha(bytes), 'text/html')).status).toBe(415);
		expect((await put(world.facilitator, space, bytes, 'not-a-hash')).status).toBe(400);
		const closed = await world.space({ status: 'closed' });
		expect((await put(world.facilitator, closed, bytes)).status).toBe(403);
		expect(await count(space)).toBe(0);
	});

	it('refuses more than 5 MiB with 413, even without a content-length', async () => {
		const space = await world.space();
		const big = new Uint8Array(5 * 1024 * 1024 + 1);
		const answer = await put(world.facilitator, space, big);
		expect(answer.status).toBe(413);
		expect((await answer.json()).error.code).toBe('payload-too-large');
		const stream = new ReadableStream<Uint8Array>({
			start(controller) {
				for (let i = 0; i < 6; i++) controller.enqueue(new Uint8Array(1024 * 1024));
				controller.close();
			}
		});
		const name = sha(big);
		const request = new Request(`http://hub.test/api/v1/blobs/${name}?space=${space}`, {
			method: 'PUT',
			headers: { 'content-type': 'image/jpeg' },
			body: stream,
			duplex: 'half'
		} as RequestInit);
		expect((await handlePutBlob(request, name, ctx(hub, world.facilitator))).status).toBe(413);
		expect(await count(space)).toBe(0);
	});

	it('rejects a photo record whose blob the hub does not hold, and applies it once it does', async () => {
		const space = await world.space();
		const brainstorm = activity(space, 'brainstorm');
		const bytes = png('record');
		const photo = change('photo', newId(), space, {
			activity: brainstorm.id,
			sha256: sha(bytes),
			caption: 'The wall of cards',
			createdAt: 1_700_000_000_000
		});
		const before = await push(hub, device().body([[brainstorm, photo]]), world.facilitator);
		expect(before.results[0]!.mutations.map((m) => m.code ?? m.status)).toEqual([
			'applied',
			'missing-blob'
		]);
		expect((await put(world.facilitator, space, bytes)).status).toBe(201);
		const after = await push(hub, device().body([[photo]]), world.facilitator);
		expect(after.results[0]!.mutations[0]!.status).toBe('applied');
		// A blob of another space does not count.
		const elsewhere = change('photo', newId(), space, { ...photo.patch, sha256: sha(png('x')) });
		const other = await world.space();
		await put(world.facilitator, other, png('x'));
		const refused = await push(hub, device().body([[elsewhere]]), world.facilitator);
		expect(refused.results[0]!.mutations[0]!.code).toBe('missing-blob');
	});

	it('keeps photo records to staff and to an activity of the space', async () => {
		const space = await world.space();
		const member = await world.member(space);
		const brainstorm = activity(space, 'brainstorm');
		await push(hub, device().body([[brainstorm]]), world.facilitator);
		const bytes = png('staff');
		await put(member.actor, space, bytes);
		const fields = { sha256: sha(bytes), caption: '', createdAt: 1 };
		const byMember = change('photo', newId(), space, { ...fields, activity: brainstorm.id });
		const answer = await push(hub, member.body([[byMember]]), member.actor);
		expect(answer.results[0]!.mutations[0]!.code).toBe('forbidden');
		const stray = change('photo', newId(), space, { ...fields, activity: newId() });
		const strayAnswer = await push(hub, device().body([[stray]]), world.facilitator);
		expect(strayAnswer.results[0]!.mutations[0]!.code).toBe('invalid-record');
	});
	/** A map idea stored directly (its push rules belong to the map suite) showing `photos`. */
	async function mapIdea(space: string, author: string, photos: string[]): Promise<string> {
		const id = newId();
		const [row] = await hub.db.query<{ seq: unknown }>(
			'UPDATE spaces SET seq = seq + 1 WHERE id = $1 RETURNING seq',
			[space]
		);
		const fields = { title: 'A bench here', photos: JSON.stringify(photos), deleted: false };
		await hub.db.query(
			`INSERT INTO records (id, space, type, author, fields, clocks, seq)
			VALUES ($1, $2, 'mapIdea', $3::uuid, $4::jsonb, $5::jsonb, $6)`,
			[id, space, author, JSON.stringify(fields), JSON.stringify({ title: hlcOf() }), row!.seq]
		);
		return id;
	}
	let ticks = 0;
	const hlcOf = () => `${String(1_700_000_000_000 + (ticks += 1)).padStart(15, '0')}:000000:test`;

	const held = async (space: string) =>
		(
			await hub.db.query<{ sha256: string }>('SELECT sha256 FROM blobs WHERE space = $1', [space])
		).map((row) => row.sha256);

	async function erase(member: Member) {
		const request = new Request(`http://hub.test/api/v1/me/data?space=${member.space}`, {
			method: 'DELETE'
		});
		expect((await handleEraseMyData(request, ctx(hub, member.actor))).status).toBe(200);
	}

	it.each(['delete', 'anonymise'] as const)(
		'erasing (%s) deletes the blobs a participant uploaded unless a live record shows them',
		async (erasePolicy) => {
			const space = await world.space({ erasePolicy });
			const ana = await world.member(space);
			const ben = await world.member(space);
			const [loose, staffShown, benShown, ownIdea, benOwn] = [
				'loose',
				'staff',
				'ben',
				'own',
				'benOwn'
			].map(png);
			for (const bytes of [loose, staffShown, benShown, ownIdea])
				expect((await put(ana.actor, space, bytes!)).status).toBe(201);
			expect((await put(ben.actor, space, benOwn!)).status).toBe(201);
			// The facilitators put Ana's upload in a photo of the wall; Ben's map idea shows another.
			const brainstorm = activity(space, 'brainstorm');
			const photo = change('photo', newId(), space, {
				activity: brainstorm.id,
				sha256: sha(staffShown!),
				caption: '',
				createdAt: 1
			});
			await push(hub, device().body([[brainstorm, photo]]), world.facilitator);
			await mapIdea(space, ben.participant, [sha(benShown!), sha(benOwn!)]);
			await mapIdea(space, ana.participant, [sha(ownIdea!)]);

			await erase(ana);
			const kept = [staffShown, benShown, benOwn].map((b) => sha(b!));
			// Anonymised, Ana's idea stays live and still shows its photo.
			if (erasePolicy === 'anonymise') kept.push(sha(ownIdea!));
			expect((await held(space)).sort()).toEqual(kept.sort());
			const [entry] = await hub.db.query<{ detail: { blobs: number } }>(
				"SELECT detail FROM audit_log WHERE action = 'participant.erase' AND target = $1",
				[space]
			);
			expect(entry!.detail.blobs).toBe(erasePolicy === 'anonymise' ? 1 : 2);
		}
	);

	it('a deleted record does not keep a blob; a hidden one does', async () => {
		const space = await world.space();
		const ana = await world.member(space);
		const [gone, hidden] = [png('gone'), png('hidden')];
		await put(ana.actor, space, gone);
		await put(ana.actor, space, hidden);
		const brainstorm = activity(space, 'brainstorm');
		const photos = [gone, hidden].map((bytes) =>
			change('photo', newId(), space, {
				activity: brainstorm.id,
				sha256: sha(bytes),
				caption: '',
				createdAt: 1
			})
		);
		await push(hub, device().body([[brainstorm, ...photos]]), world.facilitator);
		await push(
			hub,
			device().body([[change('photo', photos[0]!.id, space, { deleted: true })]]),
			world.facilitator
		);
		await hub.db.query('UPDATE records SET hidden = true WHERE id = $1', [photos[1]!.id]);
		await erase(ana);
		expect(await held(space)).toEqual([sha(hidden)]);
	});

	it('retention deletes every blob of the spaces it closes, and only theirs', async () => {
		const now = Date.now();
		const day = (offset: number) => new Date(now + offset * 86_400_000).toISOString().slice(0, 10);
		const past = await world.space({ retentionUntil: day(-1) });
		const kept = await world.space({ retentionUntil: day(5) });
		const bytes = png('retention');
		for (const space of [past, kept]) await put(world.facilitator, space, bytes);
		await put(world.facilitator, past, png('second'));
		expect(await hub.applyRetention(now)).toContain(past);
		expect(await held(past)).toEqual([]);
		expect(await held(kept)).toEqual([sha(bytes)]);
		const [entry] = await hub.db.query<{ detail: { blobs: number } }>(
			"SELECT detail FROM audit_log WHERE action = 'space.retention' AND target = $1",
			[past]
		);
		expect(entry!.detail.blobs).toBe(2);
		expect((await get(world.facilitator, past, sha(bytes))).status).toBe(404);
	});
});
