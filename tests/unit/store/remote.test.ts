import { beforeEach, describe, expect, it } from 'vitest';
import { parseHlc } from '$lib/domain/hlc';
import type { PlazaDb } from '$lib/store/db';
import { applyPushResults } from '$lib/store/outbox';
import { ideasInSpace } from '$lib/store/queries';
import { createIdea, updateIdea } from '$lib/store/records';
import { applyPulled, resetSpace, spaceMeta, syncedSpaces, watchSpace } from '$lib/store/remote';
import { hlcAt, ideaForm, remoteIdea } from '$tests/fixtures/records';
import { freshDb } from './fresh-db';

let db: PlazaDb;
beforeEach(() => {
	db = freshDb();
});

describe('applyPulled', () => {
	it('stores new records and advances the cursor in the same write', async () => {
		const remote = remoteIdea('s', hlcAt(1000));
		await applyPulled('s', [remote], 'e1.5');
		expect((await db.records.get(remote.id))?.fields).toEqual(remote.fields);
		expect(await spaceMeta('s')).toEqual({ cursor: 'e1.5' });
		expect((await ideasInSpace('s'))[0]).toMatchObject({ id: remote.id, syncState: 'confirmed' });
	});

	it('keeps a pending local edit over an older remote value', async () => {
		const id = await createIdea('s', ideaForm({ title: 'Mine' }));
		const old = remoteIdea('s', hlcAt(1000), { title: 'Theirs', text: 'old text' }, id);
		await applyPulled('s', [old], 'e1.1');
		const record = await db.records.get(id);
		expect(record?.fields.title).toBe('Mine');
		expect(record?.confirmed?.fields.title).toBe('Theirs');
		expect((await ideasInSpace('s'))[0]?.syncState).toBe('waiting');
	});

	it('takes a newer remote value and moves the local clock past it', async () => {
		const id = await createIdea('s', ideaForm({ title: 'Mine' }));
		const future = Date.now() + 30_000;
		const newer = remoteIdea('s', hlcAt(future), { title: 'Newer' }, id);
		await applyPulled('s', [newer], 'e1.2');
		expect((await db.records.get(id))?.fields.title).toBe('Newer');
		await updateIdea(id, { title: 'After' });
		const record = await db.records.get(id);
		expect(record?.fields.title).toBe('After');
		expect(parseHlc(record!.clocks.title!).wall).toBeGreaterThanOrEqual(future);
	});

	it('applies a remote tombstone', async () => {
		const remote = remoteIdea('s', hlcAt(1000));
		await applyPulled('s', [remote], 'e1.1');
		const tomb = { ...remote, fields: { deleted: true }, clocks: { deleted: hlcAt(2000) } };
		await applyPulled('s', [tomb], 'e1.2');
		expect((await db.records.get(remote.id))?.deleted).toBe(1);
		expect(await ideasInSpace('s')).toEqual([]);
	});
});

describe('resetSpace', () => {
	it('drops synced rows and the cursor but keeps the outbox and its records', async () => {
		const synced = remoteIdea('s', hlcAt(1000));
		const other = remoteIdea('t', hlcAt(1000));
		await applyPulled('s', [synced], 'e1.3');
		await applyPulled('t', [other], 'e1.3');
		const pending = await createIdea('s', ideaForm());
		await applyPushResults([]);
		await resetSpace('s');
		expect(await db.records.get(synced.id)).toBeUndefined();
		expect(await db.records.get(pending)).toBeDefined();
		expect(await db.records.get(other.id)).toBeDefined();
		expect(await db.outbox.count()).toBe(1);
		expect((await spaceMeta('s')).cursor).toBeUndefined();
		expect((await spaceMeta('t')).cursor).toBe('e1.3');
	});
});

describe('syncedSpaces', () => {
	it('covers watched spaces and every space with records', async () => {
		await watchSpace('b-space');
		await watchSpace('b-space');
		await createIdea('a-space', ideaForm());
		expect(await syncedSpaces()).toEqual(['a-space', 'b-space']);
	});
});

describe('hidden records', () => {
	const hiddenTombstone = (id: string, space = 's') => ({
		...remoteIdea(space, hlcAt(1000), {}, id),
		fields: { deleted: true },
		clocks: {},
		hidden: true
	});

	it('a hidden tombstone removes the idea and its content from a participant device', async () => {
		const remote = remoteIdea('s', hlcAt(5000));
		await applyPulled('s', [remote], 'e1.1');
		await applyPulled('s', [hiddenTombstone(remote.id)], 'e1.2');
		expect(await ideasInSpace('s')).toEqual([]);
		const stored = await db.records.get(remote.id);
		expect(stored?.fields).toEqual({});
		expect(stored?.hidden).toBe(1);
	});

	it('unhiding brings the idea back whatever the clocks', async () => {
		const remote = remoteIdea('s', hlcAt(5000));
		await applyPulled('s', [remote], 'e1.1');
		await applyPulled('s', [hiddenTombstone(remote.id)], 'e1.2');
		await applyPulled('s', [remote], 'e1.3');
		const [view] = await ideasInSpace('s');
		expect(view?.fields.title).toBe(remote.fields.title);
		expect(view?.hidden).toBeUndefined();
	});

	it('staff devices keep a hidden idea, flagged with its reason', async () => {
		const remote = remoteIdea('s', hlcAt(5000));
		await applyPulled('s', [{ ...remote, hidden: true, hiddenReason: 'Insult' }], 'e1.1');
		const [view] = await ideasInSpace('s');
		expect(view).toMatchObject({ id: remote.id, hidden: true, hiddenReason: 'Insult' });
		await applyPulled('s', [remote], 'e1.2');
		const [after] = await ideasInSpace('s');
		expect(after?.hidden).toBeUndefined();
		expect(after?.hiddenReason).toBeUndefined();
	});
});
