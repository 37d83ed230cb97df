import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PlazaError } from '$lib/domain/errors';
import { limits } from '$lib/domain/protocol';
import type { PlazaDb } from '$lib/store/db';
import { bulkCreateIdeas, createIdea, deleteIdea, updateIdea } from '$lib/store/records';
import { hasPendingWrites } from '$lib/store/write';
import { ideaForm } from '$tests/fixtures/records';
import { freshDb } from './fresh-db';

let db: PlazaDb;
beforeEach(() => {
	db = freshDb();
});

async function snapshot() {
	return { records: await db.records.toArray(), outbox: await db.outbox.toArray() };
}

describe('pending writes', () => {
	it('counts a write from its start until it committed, also when it fails', async () => {
		expect(hasPendingWrites()).toBe(false);
		const writing = createIdea('park', ideaForm());
		expect(hasPendingWrites()).toBe(true);
		await writing;
		expect(hasPendingWrites()).toBe(false);
		await expect(createIdea('park', ideaForm({ title: '' }))).rejects.toThrow();
		expect(hasPendingWrites()).toBe(false);
	});
});

describe('createIdea', () => {
	it('writes the record and one outbox row with a matching mutation', async () => {
		const id = await createIdea('park-nord', ideaForm({ title: '  Trees  ' }));
		const record = await db.records.get(id);
		expect(record?.fields.title).toBe('Trees');
		expect(record?.deleted).toBe(0);
		const [row, ...rest] = await db.outbox.toArray();
		expect(rest).toEqual([]);
		expect(row?.state).toBe('waiting');
		expect(row?.records).toEqual([id]);
		expect(row?.mutations[0]?.patch).toEqual(record?.fields);
		expect(Object.values(record!.clocks)).toEqual(
			Object.keys(record!.fields).map(() => row!.mutations[0]!.hlc)
		);
	});

	it('ticks the clock so every write gets a later HLC, with the device as node', async () => {
		await createIdea('park-nord', ideaForm());
		await createIdea('park-nord', ideaForm());
		const [a, b] = (await db.outbox.toArray()).map((row) => row.mutations[0]!.hlc);
		expect(b! > a!).toBe(true);
		const identity = (await db.meta.get('identity'))?.value as { deviceId: string };
		expect(a!.endsWith(identity.deviceId)).toBe(true);
	});

	it('rejects bad input with a readable message and writes nothing', async () => {
		const bad = createIdea('park-nord', ideaForm({ title: '   ' }));
		await expect(bad).rejects.toThrow(PlazaError);
		await expect(bad).rejects.toMatchObject({ code: 'invalid-record' });
		await expect(bad).rejects.toThrow(/title: Give the idea a title/);
		await expect(createIdea('Not A Slug', ideaForm())).rejects.toMatchObject({
			code: 'invalid-record'
		});
		expect(await snapshot()).toEqual({ records: [], outbox: [] });
	});

	it('is atomic: a failing outbox write leaves records and outbox unchanged', async () => {
		await createIdea('park-nord', ideaForm());
		const before = await snapshot();
		const spy = vi.spyOn(db.outbox, 'bulkAdd').mockRejectedValueOnce(new Error('disk on fire'));
		await expect(createIdea('park-nord', ideaForm({ title: 'Second' }))).rejects.toThrow(
			'disk on fire'
		);
		spy.mockRestore();
		expect(await snapshot()).toEqual(before);
	});

	it('turns a quota error into PlazaError quota-exceeded and loses nothing', async () => {
		await createIdea('park-nord', ideaForm());
		const before = await snapshot();
		const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		const abort = Object.assign(new DOMException('Transaction aborted', 'AbortError'), {
			inner: quota
		});
		const spy = vi.spyOn(db.records, 'bulkAdd').mockRejectedValueOnce(abort);
		const write = createIdea('park-nord', ideaForm({ title: 'Too much' }));
		await expect(write).rejects.toMatchObject({ name: 'PlazaError', code: 'quota-exceeded' });
		spy.mockRestore();
		expect(await snapshot()).toEqual(before);
	});
});

describe('updateIdea and deleteIdea', () => {
	it('merges a patch into the record with a new clock on the changed fields only', async () => {
		const id = await createIdea('park-nord', ideaForm());
		const created = await db.records.get(id);
		await updateIdea(id, { title: 'Even more racks' });
		const updated = await db.records.get(id);
		expect(updated?.fields.title).toBe('Even more racks');
		expect(updated?.fields.text).toBe(created?.fields.text);
		expect(updated!.clocks.title! > created!.clocks.title!).toBe(true);
		expect(updated?.clocks.text).toBe(created?.clocks.text);
		const rows = await db.outbox.orderBy('seq').toArray();
		expect(rows.map((r) => r.mutations[0]?.patch)).toEqual([
			created?.fields,
			{ title: 'Even more racks' }
		]);
	});

	it('rejects an invalid patch and an unknown record', async () => {
		const id = await createIdea('park-nord', ideaForm());
		await expect(updateIdea(id, { category: 'nope' as never })).rejects.toMatchObject({
			code: 'invalid-record'
		});
		await expect(updateIdea(id, { createdAt: 5 } as never)).rejects.toMatchObject({
			code: 'invalid-record'
		});
		await expect(
			updateIdea('0190a6f0-0000-7000-8000-000000000000', { title: 'x' })
		).rejects.toMatchObject({ code: 'not-found' });
		expect(await db.outbox.count()).toBe(1);
	});

	it('deletes with a tombstone field and a mutation', async () => {
		const id = await createIdea('park-nord', ideaForm());
		await deleteIdea(id);
		const record = await db.records.get(id);
		expect(record?.deleted).toBe(1);
		expect(record?.fields.deleted).toBe(true);
		const last = (await db.outbox.orderBy('seq').last())!;
		expect(last.mutations[0]?.patch).toEqual({ deleted: true });
		await expect(updateIdea(id, { title: 'ghost' })).rejects.toMatchObject({ code: 'not-found' });
	});
});

describe('bulkCreateIdeas', () => {
	it('makes ceil(n / mutationsPerBatch) outbox rows in one write', async () => {
		const n = limits.mutationsPerBatch * 2 + 7;
		const forms = Array.from({ length: n }, (_, i) => ideaForm({ title: `Idea ${i}` }));
		const ids = await bulkCreateIdeas('park-nord', forms);
		expect(new Set(ids).size).toBe(n);
		expect(await db.records.count()).toBe(n);
		const rows = await db.outbox.orderBy('seq').toArray();
		expect(rows.map((r) => r.mutations.length)).toEqual([
			limits.mutationsPerBatch,
			limits.mutationsPerBatch,
			7
		]);
		expect(rows.flatMap((r) => r.records)).toEqual(ids);
		const clocks = rows.flatMap((r) => r.mutations.map((m) => m.hlc));
		expect(new Set(clocks).size).toBe(n);
	});

	it('writes nothing when one form is bad', async () => {
		const forms = [ideaForm(), ideaForm({ category: 'bad' as never })];
		await expect(bulkCreateIdeas('park-nord', forms)).rejects.toMatchObject({
			code: 'invalid-record'
		});
		expect(await snapshot()).toEqual({ records: [], outbox: [] });
	});
});
