import { beforeEach, describe, expect, it } from 'vitest';
import type { BatchResult } from '$lib/domain/protocol';
import type { PlazaDb } from '$lib/store/db';
import {
	applyPushResults,
	discardRejected,
	exportUnsynced,
	markSent,
	retryRejected,
	takeBatches
} from '$lib/store/outbox';
import { ideasInSpace, idea, outboxSummary, rejectedMutations } from '$lib/store/queries';
import { bulkCreateIdeas, createIdea, updateIdea } from '$lib/store/records';
import { getIdentity } from '$lib/store/identity';
import { ideaForm } from '$tests/fixtures/records';
import { freshDb } from './fresh-db';

let db: PlazaDb;
beforeEach(() => {
	db = freshDb();
});

const applied = (seq: number, ids: string[]): BatchResult => ({
	seq,
	status: 'applied',
	mutations: ids.map((id) => ({ id, status: 'applied' }))
});

describe('takeBatches and markSent', () => {
	it('takes rows in seq order within the mutation and byte bounds', async () => {
		await bulkCreateIdeas(
			's',
			Array.from({ length: 600 }, () => ideaForm())
		);
		await createIdea('s', ideaForm());
		expect((await takeBatches(2000, 1e9)).map((r) => r.seq)).toEqual([1, 2, 3]);
		expect((await takeBatches(550, 1e9)).map((r) => r.seq)).toEqual([1, 3]);
		expect((await takeBatches(10, 10)).map((r) => r.seq)).toEqual([1]);
		expect((await takeBatches(2000, 1e9, 2)).map((r) => r.seq)).toEqual([1, 2]);
	});

	it('marks rows sent and still offers them until confirmed', async () => {
		await createIdea('s', ideaForm());
		await markSent([1]);
		expect((await db.outbox.get(1))?.state).toBe('sent');
		expect((await takeBatches()).map((r) => r.seq)).toEqual([1]);
		expect(await outboxSummary()).toEqual({ waiting: 0, sent: 1, rejected: 0, total: 1 });
	});
});

describe('applyPushResults', () => {
	it('removes only confirmed rows; unanswered rows stay', async () => {
		const a = await createIdea('s', ideaForm());
		const b = await createIdea('s', ideaForm());
		await markSent([1, 2]);
		await applyPushResults([{ ...applied(1, [a]), status: 'duplicate' }]);
		expect((await db.outbox.toArray()).map((r) => r.seq)).toEqual([2]);
		expect((await idea(a))?.syncState).toBe('confirmed');
		expect((await idea(b))?.syncState).toBe('sent');
		expect((await db.records.get(a))?.confirmed?.fields.title).toBe(ideaForm().title);
	});

	it('keeps rejected mutations with reasons; the others leave the outbox', async () => {
		const ids = await bulkCreateIdeas('s', [ideaForm(), ideaForm({ title: 'Bad' })]);
		await applyPushResults([
			{
				seq: 1,
				status: 'applied',
				mutations: [
					{ id: ids[0]!, status: 'applied' },
					{ id: ids[1]!, status: 'rejected', code: 'space-mismatch', message: 'Wrong space.' }
				]
			}
		]);
		const list = await rejectedMutations();
		expect(list).toHaveLength(1);
		expect(list[0]).toMatchObject({
			seq: 1,
			mutation: { id: ids[1] },
			rejection: { code: 'space-mismatch', message: 'Wrong space.' }
		});
		expect(await outboxSummary()).toEqual({ waiting: 0, sent: 0, rejected: 1, total: 1 });
		const views = await ideasInSpace('s');
		expect(views.find((v) => v.id === ids[1])).toMatchObject({
			syncState: 'rejected',
			rejection: { code: 'space-mismatch' }
		});
		expect(views.find((v) => v.id === ids[0])?.syncState).toBe('confirmed');
		expect(await takeBatches()).toEqual([]);
	});

	it('rejects a whole row on a conflicting resend', async () => {
		const id = await createIdea('s', ideaForm());
		await applyPushResults([
			{ seq: 1, status: 'rejected', code: 'conflicting-resend', message: 'Seen.', mutations: [] }
		]);
		const [entry] = await rejectedMutations();
		expect(entry).toMatchObject({ mutation: { id }, rejection: { code: 'conflicting-resend' } });
	});
});

describe('retryRejected and discardRejected', () => {
	async function rejectSeq(seq: number, id: string) {
		await applyPushResults([
			{
				seq,
				status: 'applied',
				mutations: [{ id, status: 'rejected', code: 'invalid-record', message: 'No.' }]
			}
		]);
	}

	it('retry re-queues as a new row with a new seq', async () => {
		const id = await createIdea('s', ideaForm());
		await rejectSeq(1, id);
		const seq = await retryRejected(1);
		expect(seq).toBeGreaterThan(1);
		const rows = await db.outbox.toArray();
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ seq, state: 'waiting', records: [id] });
		expect(rows[0]?.reasons).toBeUndefined();
		expect(await rejectedMutations()).toEqual([]);
		expect(await retryRejected(1)).toBeUndefined();
	});

	it('discarding a never-confirmed creation drops the record', async () => {
		const id = await createIdea('s', ideaForm());
		await rejectSeq(1, id);
		await discardRejected(1);
		expect(await db.records.get(id)).toBeUndefined();
		expect(await db.outbox.count()).toBe(0);
	});

	it('discarding an edit reverts to the confirmed state plus other pending edits', async () => {
		const id = await createIdea('s', ideaForm({ title: 'Original', text: 'one' }));
		await applyPushResults([applied(1, [id])]);
		await updateIdea(id, { title: 'Refused title' });
		await updateIdea(id, { text: 'two' });
		await rejectSeq(2, id);
		await discardRejected(2);
		const record = await db.records.get(id);
		expect(record?.fields.title).toBe('Original');
		expect(record?.fields.text).toBe('two');
		expect((await db.outbox.toArray()).map((r) => r.seq)).toEqual([3]);
	});
});

describe('exportUnsynced', () => {
	it('holds the identity, the outbox and the records it touches, nothing confirmed', async () => {
		const confirmedId = await createIdea('s', ideaForm({ title: 'Synced' }));
		await applyPushResults([applied(1, [confirmedId])]);
		const pendingId = await createIdea('s', ideaForm({ title: 'Pending' }));
		const identity = await getIdentity();
		const file = await exportUnsynced();
		expect(file).toMatchObject({
			app: 'plaza',
			deviceId: identity.deviceId,
			participant: identity.participant
		});
		expect(new Date(file.exportedAt).getTime()).not.toBeNaN();
		expect(file.outbox.map((r) => r.seq)).toEqual([2]);
		expect(file.records.map((r) => r.id)).toEqual([pendingId]);
		expect(JSON.parse(JSON.stringify(file))).toEqual(file);
	});
});
