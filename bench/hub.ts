/**
 * Hub sync cost against raw SQL: 10,000 ideas pushed through the hub's sync code (HTTP handler,
 * validation, receipts, merge, cursor) in batches of 500, then pulled page by page, against a
 * batched INSERT and paged SELECT of the same rows in the same database. Runs on PGlite always
 * and on PostgreSQL when DATABASE_URL is set. Run: npx svelte-kit sync && npx tsx bench/hub.ts
 */
import { formatHlc } from '../src/lib/domain/hlc';
import { newId } from '../src/lib/domain/ids';
import { limits, type PullResponse } from '../src/lib/domain/protocol';
import { handlePull, handlePush } from '../src/lib/server/api';
import type { Db } from '../src/lib/server/db/client';
import { createHub } from '../src/lib/server/hub';
import { engines, type TestDatabase } from '../tests/server/engines';
import { createWorld, ctx } from '../tests/server/helpers';

const total = 10_000;
const batchSize = 500;
const pageSize = limits.pullMax;

function ideas(space: string) {
	const now = Date.now();
	return Array.from({ length: total }, (_, i) => ({
		id: newId(),
		type: 'idea' as const,
		space,
		hlc: formatHlc({ wall: now, counter: i, node: 'bench' }),
		patch: {
			title: `Idea ${i}`,
			text: 'More trees along the tram line, and benches in their shade.',
			category: 'green-space',
			language: 'en',
			authorName: 'Bench',
			createdAt: now
		}
	}));
}

async function timed(work: () => Promise<void>): Promise<number> {
	const start = performance.now();
	await work();
	return performance.now() - start;
}

async function viaHub(db: Db): Promise<number> {
	const hub = await createHub(db, { purgeEveryMs: 0 });
	const world = await createWorld(hub);
	const space = await world.space({ id: 'bench-hub' });
	const member = await world.member(space);
	const all = ideas(space);
	const { deviceId, participant } = member;
	const ms = await timed(async () => {
		for (let seq = 1; seq * batchSize <= total; seq++) {
			const mutations = all.slice((seq - 1) * batchSize, seq * batchSize);
			const body = { protocol: 1, deviceId, participant, batches: [{ seq, mutations }] };
			const response = await handlePush(
				new Request('http://bench/api/v1/sync/push', {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify(body)
				}),
				ctx(hub, member.actor)
			);
			if (response.status !== 200) throw new Error(`push: ${await response.text()}`);
		}
		let after = '';
		let seen = 0;
		for (let more = true; more;) {
			const query = new URLSearchParams({ space, limit: String(pageSize) });
			if (after) query.set('after', after);
			const request = new Request(`http://bench/pull?${query}`);
			const response = await handlePull(request, ctx(hub, member.actor));
			const page = (await response.json()) as PullResponse;
			seen += page.changes.length;
			after = page.cursor;
			more = page.more;
		}
		if (seen !== total) throw new Error(`pulled ${seen} of ${total}`);
	});
	await hub.live.close();
	return ms;
}

async function raw(db: Db): Promise<number> {
	const space = 'bench-raw';
	const all = ideas(space);
	const author = newId();
	await db.query('INSERT INTO spaces (id) VALUES ($1) ON CONFLICT DO NOTHING', [space]);
	return timed(async () => {
		for (let start = 0; start < total; start += batchSize) {
			const rows = all.slice(start, start + batchSize).map((m, i) => ({
				id: m.id,
				space,
				type: m.type,
				author,
				fields: m.patch,
				clocks: Object.fromEntries(Object.keys(m.patch).map((k) => [k, m.hlc])),
				seq: start + i + 1
			}));
			await db.query(
				`INSERT INTO records (id, space, type, author, fields, clocks, seq)
				SELECT r.id, r.space, r.type, r.author, r.fields, r.clocks, r.seq
				FROM jsonb_to_recordset(($1::text)::jsonb) AS r(id uuid, space text, type text,
					author uuid, fields jsonb, clocks jsonb, seq bigint)`,
				[JSON.stringify(rows)]
			);
		}
		let after = 0;
		let seen = 0;
		for (;;) {
			const rows = await db.query<{ seq: unknown }>(
				`SELECT id, type, space, author, fields, clocks, seq FROM records
				WHERE space = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
				[space, after, pageSize]
			);
			seen += rows.length;
			if (rows.length < pageSize) break;
			after = Number(rows.at(-1)!.seq);
		}
		if (seen !== total) throw new Error(`selected ${seen} of ${total}`);
	});
}

async function compare(engine: string, database: TestDatabase) {
	const db = await database.open();
	const hubMs = await viaHub(db);
	const rawMs = await raw(db);
	console.log(
		`${engine.padEnd(9)} hub ${hubMs.toFixed(0).padStart(6)} ms   raw ${rawMs.toFixed(0).padStart(6)} ms   ratio ${(hubMs / rawMs).toFixed(2)}x`
	);
}

console.log(`${total} ideas: push in batches of ${batchSize} + pull pages of ${pageSize}`);
for (const engine of engines) {
	const database = await engine.create();
	try {
		await compare(engine.name, database);
	} finally {
		await database.drop();
	}
}
if (engines.length === 1) console.log('postgres  skipped: set DATABASE_URL to measure PostgreSQL');
