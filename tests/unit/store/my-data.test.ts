import { beforeEach, describe, expect, it } from 'vitest';
import type { PlazaDb } from '$lib/store/db';
import { getIdentity } from '$lib/store/identity';
import { eraseLocalData, myContributions } from '$lib/store/my-data';
import { outboxSummary } from '$lib/store/queries';
import { remindersInSpace, setReminder } from '$lib/store/reminders';
import { createIdea, deleteIdea } from '$lib/store/records';
import { applyPulled, spaceMeta, watchedSpaces } from '$lib/store/remote';
import { cachedSpaceInfo, saveJoin, spaceToken } from '$lib/store/spaces';
import { hlcAt, ideaForm, remoteIdea } from '$tests/fixtures/records';
import { freshDb } from './fresh-db';

let db: PlazaDb;
beforeEach(() => {
	db = freshDb();
});

const park = {
	id: 'park',
	title: 'Park',
	purpose: 'Ideas.',
	privacyNotice: 'Notice.',
	erasePolicy: 'delete' as const,
	retentionUntil: null,
	published: false,
	status: 'open' as const,
	kind: 'ideas' as const,
	date: null,
	place: '',
	languages: []
};

describe('myContributions', () => {
	it('lists only my live ideas of that space', async () => {
		const mine = await createIdea('park', ideaForm({ title: 'Mine' }));
		const gone = await createIdea('park', ideaForm({ title: 'Deleted' }));
		await deleteIdea(gone);
		await createIdea('square', ideaForm({ title: 'Elsewhere' }));
		await applyPulled('park', [remoteIdea('park', hlcAt(1000), { title: 'Theirs' })], 'e1.1');
		const ideas = await myContributions('park');
		expect(ideas.map((idea) => idea.id)).toEqual([mine]);
		expect(ideas[0]?.author).toBe((await getIdentity()).participant);
	});

	it('is empty on a device without an identity', async () => {
		expect(await myContributions('park')).toEqual([]);
	});
});

describe('eraseLocalData', () => {
	it("drops the space's records, outbox, token, info and bookkeeping; keeps other spaces", async () => {
		await saveJoin(park, 'p1.park');
		await saveJoin({ ...park, id: 'square', title: 'Square' }, 'p1.square');
		await createIdea('park', ideaForm({ title: 'Mine' }));
		await applyPulled('park', [remoteIdea('park', hlcAt(1000))], 'e1.4');
		const kept = await createIdea('square', ideaForm({ title: 'Kept' }));
		await setReminder('park', 'pledge-1', true);
		await setReminder('square', 'pledge-2', true);

		await eraseLocalData('park');

		expect(await remindersInSpace('park')).toEqual([]);
		expect(await remindersInSpace('square')).toHaveLength(1);

		expect(await db.records.where('space').equals('park').count()).toBe(0);
		expect(await db.records.get(kept)).toBeDefined();
		expect(await outboxSummary()).toMatchObject({ waiting: 1, total: 1 });
		expect(await spaceToken('park')).toBeUndefined();
		expect(await spaceToken('square')).toBe('p1.square');
		expect(await cachedSpaceInfo('park')).toBeUndefined();
		expect(await spaceMeta('park')).toEqual({});
		expect(await watchedSpaces()).toEqual(['square']);
	});

	it('removes only the mutations of that space from a mixed outbox row', async () => {
		const parkIdea = await createIdea('park', ideaForm());
		const squareIdea = await createIdea('square', ideaForm());
		const rows = await db.outbox.toArray();
		await db.outbox.clear();
		const mutations = rows.flatMap((row) => row.mutations);
		await db.outbox.add({ mutations, records: [parkIdea, squareIdea], state: 'waiting' });
		await eraseLocalData('park');
		const [row] = await db.outbox.toArray();
		expect(row?.mutations.map((m) => m.id)).toEqual([squareIdea]);
		expect(row?.records).toEqual([squareIdea]);
	});
});
