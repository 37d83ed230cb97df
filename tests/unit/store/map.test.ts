import { beforeEach, describe, expect, it } from 'vitest';
import { newId, oncePerPersonId } from '$lib/domain/ids';
import type { RemoteRecord } from '$lib/domain/protocol';
import { supportTarget, type IdeaGeometry } from '$lib/domain/records';
import { blobsOf, getBlob, heldRows, markBlobUploaded, sha256Hex } from '$lib/store/blobs';
import type { PlazaDb } from '$lib/store/db';
import {
	addComment,
	addMapIdea,
	deleteComment,
	deleteMapIdea,
	supportIdea,
	toggleSupport,
	updateMapIdea,
	withdrawSupport,
	type MapIdeaInput
} from '$lib/store/map';
import { commentsOfIdea, mapIdea, mapIdeasInSpace, mySupports } from '$lib/store/map-queries';
import { applyPulled } from '$lib/store/remote';
import { hlcAt } from '$tests/fixtures/records';
import { freshDb } from './fresh-db';

const space = 'riverside';
let db: PlazaDb;
beforeEach(() => {
	db = freshDb();
});

const point: IdeaGeometry = { type: 'Point', coordinates: [13.405, 52.52] };

const input = (overrides: Partial<MapIdeaInput> = {}): MapIdeaInput => ({
	title: 'A bench by the river',
	text: 'Somewhere to rest.',
	category: 'bench',
	geometry: point,
	language: 'en',
	authorName: 'Ana',
	...overrides
});

const photo = (...values: number[]) => ({ bytes: new Uint8Array(values), type: 'image/jpeg' });

async function me(): Promise<string> {
	return ((await db.meta.get('identity'))?.value as { participant: string }).participant;
}

/** A record of another person as the hub sends it. */
function remote(type: RemoteRecord['type'], fields: Record<string, unknown>, id = newId()) {
	const clocks = Object.fromEntries(Object.keys(fields).map((key) => [key, hlcAt(1_000)]));
	return { id, type, space, author: newId(), fields, clocks } as RemoteRecord;
}

describe('map ideas', () => {
	it('adds an idea with its geometry as JSON text and one outbox row', async () => {
		const before = Date.now();
		const id = await addMapIdea(space, input());
		const record = await db.records.get(id);
		expect(record).toMatchObject({ type: 'mapIdea', space, deleted: 0 });
		expect(JSON.parse(String(record?.fields.geometry))).toEqual(point);
		expect(record?.fields.photos).toBe('[]');
		expect(record?.fields.createdAt).toBeGreaterThanOrEqual(before);
		const rows = await db.outbox.toArray();
		expect(rows).toHaveLength(1);
		expect(rows[0]?.mutations[0]).toMatchObject({ id, type: 'mapIdea', space });
	});

	it('accepts a route and an area; refuses an open ring or a bad position', async () => {
		const line: IdeaGeometry = {
			type: 'LineString',
			coordinates: [
				[13.4, 52.5],
				[13.41, 52.51]
			]
		};
		const ring: [number, number][] = [
			[13.4, 52.5],
			[13.41, 52.5],
			[13.41, 52.51],
			[13.4, 52.5]
		];
		await addMapIdea(space, input({ geometry: line }));
		await addMapIdea(space, input({ geometry: { type: 'Polygon', coordinates: [ring] } }));
		const open = { type: 'Polygon', coordinates: [ring.slice(0, 3)] } as IdeaGeometry;
		await expect(addMapIdea(space, input({ geometry: open }))).rejects.toMatchObject({
			code: 'invalid-record'
		});
		const far = { type: 'Point', coordinates: [200, 10] } as IdeaGeometry;
		await expect(addMapIdea(space, input({ geometry: far }))).rejects.toMatchObject({
			code: 'invalid-record'
		});
		await expect(addMapIdea(space, input({ title: '  ' }))).rejects.toMatchObject({
			code: 'invalid-record'
		});
		expect(await db.outbox.count()).toBe(2);
	});

	it('keeps photos as blobs first, names them on the idea and holds its row until uploaded', async () => {
		const id = await addMapIdea(space, input(), [photo(1), photo(2)]);
		const names = [await sha256Hex(new Uint8Array([1])), await sha256Hex(new Uint8Array([2]))];
		expect(JSON.parse(String((await db.records.get(id))?.fields.photos))).toEqual(names);
		expect((await getBlob(names[0]!))?.state).toBe('waiting');
		const [row] = await db.outbox.toArray();
		expect(blobsOf(row!.mutations[0]!)).toEqual(names);
		expect([...(await heldRows(space))]).toEqual([row!.seq]);

		await markBlobUploaded(names[0]!);
		expect((await heldRows(space)).size).toBe(1);
		await markBlobUploaded(names[1]!);
		expect((await heldRows(space)).size).toBe(0);
	});

	it('refuses a fourth photo and writes nothing', async () => {
		const three = [photo(1), photo(2), photo(3)];
		await expect(addMapIdea(space, input(), [...three, photo(4)])).rejects.toMatchObject({
			code: 'invalid-record'
		});
		expect(await db.outbox.count()).toBe(0);
		expect(await db.blobs.count()).toBe(0);
		const id = await addMapIdea(space, input(), three);
		await expect(updateMapIdea(id, {}, [photo(5)])).rejects.toMatchObject({
			code: 'invalid-record'
		});
		expect(await db.outbox.count()).toBe(1);
	});

	it('updates fields and geometry (a dragged pin), removes and adds photos', async () => {
		const id = await addMapIdea(space, input(), [photo(1), photo(2)]);
		const [first] = (await mapIdea(id))!.photos;
		const moved: IdeaGeometry = { type: 'Point', coordinates: [13.41, 52.53] };
		await updateMapIdea(id, { geometry: moved, title: 'Two benches' });
		await updateMapIdea(id, { photos: [first!] }, [photo(3)]);
		const view = await mapIdea(id);
		expect(view?.geometry).toEqual(moved);
		expect(view?.fields.title).toBe('Two benches');
		expect(view?.photos).toEqual([first, await sha256Hex(new Uint8Array([3]))]);
		const patches = (await db.outbox.orderBy('seq').toArray()).map((r) => r.mutations[0]?.patch);
		expect(patches[1]).toEqual({ title: 'Two benches', geometry: JSON.stringify(moved) });
		expect(Object.keys(patches[2]!)).toEqual(['photos']);
	});

	it('deletes an idea as a tombstone; it leaves the queries', async () => {
		const id = await addMapIdea(space, input());
		await deleteMapIdea(id);
		expect((await db.records.get(id))?.deleted).toBe(1);
		expect(await mapIdeasInSpace(space)).toEqual([]);
		expect(await mapIdea(id)).toBeUndefined();
		await expect(updateMapIdea(id, { title: 'x' })).rejects.toMatchObject({ code: 'not-found' });
	});
});

describe('supports', () => {
	it('supports once with the once-per-person id; a toggle withdraws and supports again', async () => {
		const idea = await addMapIdea(space, input());
		const id = await supportIdea(space, idea);
		expect(id).toBe(oncePerPersonId(space, supportTarget(idea), await me()));
		expect(await supportIdea(space, idea)).toBe(id);
		expect((await mapIdea(idea))?.supports).toBe(1);
		expect((await mapIdea(idea))?.supported).toBe(true);

		expect(await toggleSupport(space, idea)).toBe(false);
		expect((await db.records.get(id))?.deleted).toBe(1);
		expect((await mapIdea(idea))?.supports).toBe(0);
		expect(await mySupports(space)).toEqual([]);

		expect(await toggleSupport(space, idea)).toBe(true);
		expect((await db.records.get(id))?.deleted).toBe(0);
		expect((await mySupports(space)).map((s) => s.fields.idea)).toEqual([idea]);
		await withdrawSupport(space, idea);
		await withdrawSupport(space, idea);
		expect((await mapIdea(idea))?.supported).toBe(false);
	});

	it("counts everyone's supports; only mine count as supported", async () => {
		const idea = await addMapIdea(space, input());
		const other = oncePerPersonId(space, supportTarget(idea), newId());
		await applyPulled(space, [remote('support', { idea, createdAt: 1 }, other)], '1.1');
		const [view] = await mapIdeasInSpace(space);
		expect(view).toMatchObject({ supports: 1, supported: false });
		await supportIdea(space, idea);
		expect((await mapIdeasInSpace(space))[0]).toMatchObject({ supports: 2, supported: true });
	});

	it('refuses supporting an idea that is not here', async () => {
		await expect(supportIdea(space, newId())).rejects.toMatchObject({ code: 'not-found' });
		expect(await db.outbox.count()).toBe(0);
	});
});

describe('comments', () => {
	it('adds, lists oldest first, counts and deletes comments of one idea', async () => {
		const idea = await addMapIdea(space, input());
		const other = await addMapIdea(space, input({ title: 'Trees' }));
		const comment = { language: 'en', authorName: 'Ana' };
		const first = await addComment(space, idea, { ...comment, text: 'Yes please' });
		await new Promise((resolve) => setTimeout(resolve, 2));
		const second = await addComment(space, idea, { ...comment, text: 'Near the bridge' });
		await addComment(space, other, { ...comment, text: 'Elsewhere' });
		const list = await commentsOfIdea(space, idea);
		expect(list.map((c) => c.id)).toEqual([first, second]);
		expect(list[0]).toMatchObject({ syncState: 'waiting', fields: { text: 'Yes please' } });
		expect((await mapIdea(idea))?.comments).toBe(2);

		await deleteComment(first);
		expect((await commentsOfIdea(space, idea)).map((c) => c.id)).toEqual([second]);
		expect((await mapIdeasInSpace(space)).find((v) => v.id === idea)?.comments).toBe(1);
	});

	it('refuses an empty comment or one on an idea that is not here', async () => {
		const idea = await addMapIdea(space, input());
		const comment = { language: 'en', authorName: '' };
		await expect(addComment(space, idea, { ...comment, text: ' ' })).rejects.toMatchObject({
			code: 'invalid-record'
		});
		await expect(addComment(space, newId(), { ...comment, text: 'Hi' })).rejects.toMatchObject({
			code: 'not-found'
		});
	});
});

describe('queries', () => {
	it('lists ideas newest first with parsed geometry and photos', async () => {
		const ideas = [
			remote('mapIdea', {
				title: 'Old',
				text: '',
				category: 'tree',
				geometry: JSON.stringify(point),
				photos: '[]',
				language: 'en',
				authorName: '',
				createdAt: 100
			}),
			remote('mapIdea', {
				title: 'New',
				text: '',
				category: 'tree',
				geometry: JSON.stringify(point),
				photos: '[]',
				language: 'en',
				authorName: '',
				createdAt: 200
			})
		];
		await applyPulled(space, ideas, '1.2');
		const views = await mapIdeasInSpace(space);
		expect(views.map((v) => v.fields.title)).toEqual(['New', 'Old']);
		expect(views[0]).toMatchObject({ geometry: point, photos: [], syncState: 'confirmed' });
		expect(await mapIdeasInSpace('elsewhere')).toEqual([]);
	});

	it('drops an idea hidden by moderation (a tombstone reaches participants)', async () => {
		const fields = {
			title: 'Rude',
			text: '',
			category: 'tree',
			geometry: JSON.stringify(point),
			photos: '[]',
			language: 'en',
			authorName: '',
			createdAt: 1
		};
		const idea = remote('mapIdea', fields);
		await applyPulled(space, [idea], '1.1');
		expect(await mapIdeasInSpace(space)).toHaveLength(1);
		const tombstone = {
			...idea,
			fields: { deleted: true },
			clocks: { deleted: hlcAt(2_000) },
			hidden: true
		};
		await applyPulled(space, [tombstone], '1.2');
		expect(await mapIdeasInSpace(space)).toEqual([]);
	});

	it('keeps a hidden idea flagged for staff (the whole record comes with hidden)', async () => {
		const fields = {
			title: 'Flagged',
			text: '',
			category: 'tree',
			geometry: JSON.stringify(point),
			photos: '[]',
			language: 'en',
			authorName: '',
			createdAt: 1
		};
		const idea = { ...remote('mapIdea', fields), hidden: true, hiddenReason: 'spam' };
		await applyPulled(space, [idea], '1.1');
		expect((await mapIdeasInSpace(space))[0]).toMatchObject({ hidden: true, hiddenReason: 'spam' });
	});
});
