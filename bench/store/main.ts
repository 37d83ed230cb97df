/**
 * Runs inside Chromium (see run.ts): times the store's one-transaction bulk write against a
 * bare Dexie `bulkPut` of equivalent rows. The store writes more (outbox rows, the HLC, the
 * identity read), so the ratio is the price of the sync bookkeeping per local write.
 */
import { Dexie } from 'dexie';
import { ideaCategories, type IdeaForm } from '$lib/domain/records';
import { patchState } from '$lib/domain/merge';
import { PlazaDb, replaceDb, getDb } from '$lib/store/db';
import { getIdentity } from '$lib/store/identity';
import { bulkCreateIdeas } from '$lib/store/records';

const space = 'bench-space';
const rawName = 'plaza-bench-raw';

function forms(count: number): IdeaForm[] {
	return Array.from({ length: count }, (_, i) => ({
		title: `Idea number ${i}`,
		text: `A short description of idea ${i}, about as long as people write in a workshop.`,
		category: ideaCategories[i % ideaCategories.length]!,
		language: 'en',
		authorName: 'Bench'
	}));
}

/** A fresh store database (same name the app uses), opened and with an identity. */
async function freshStore(): Promise<void> {
	replaceDb(null);
	await Dexie.delete('plaza');
	replaceDb(new PlazaDb());
	await getDb().open();
	await getIdentity();
}

async function timeStore(count: number): Promise<number> {
	await freshStore();
	const input = forms(count);
	const started = performance.now();
	await bulkCreateIdeas(space, input);
	const elapsed = performance.now() - started;
	if ((await getDb().records.count()) !== count) throw new Error('store wrote a wrong count');
	return elapsed;
}

async function timeRaw(count: number): Promise<number> {
	await Dexie.delete(rawName);
	const db = new Dexie(rawName);
	db.version(1).stores({ records: 'id, space, [space+type]' });
	await db.open();
	const author = crypto.randomUUID();
	const createdAt = Date.now();
	const rows = forms(count).map((form, i) => {
		const hlc = `${String(createdAt).padStart(15, '0')}:${i.toString(36).padStart(6, '0')}:dev`;
		const state = patchState({ ...form, createdAt }, hlc);
		return { id: crypto.randomUUID(), type: 'idea', space, author, ...state, deleted: 0 };
	});
	const started = performance.now();
	await db.table('records').bulkPut(rows);
	const elapsed = performance.now() - started;
	if ((await db.table('records').count()) !== count) throw new Error('raw wrote a wrong count');
	db.close();
	return elapsed;
}

export interface BenchResult {
	store: number[];
	raw: number[];
}

async function run(count: number, runs: number): Promise<BenchResult> {
	const result: BenchResult = { store: [], raw: [] };
	// Alternate so that neither side always runs on a warmer (or fuller) disk.
	for (let i = 0; i < runs; i++) {
		result.store.push(await timeStore(count));
		result.raw.push(await timeRaw(count));
	}
	replaceDb(null);
	await Dexie.delete('plaza');
	await Dexie.delete(rawName);
	return result;
}

Object.assign(window, { plazaBench: { run } });
document.getElementById('state')!.textContent = 'ready';
