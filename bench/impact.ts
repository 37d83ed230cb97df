/**
 * Impact dashboards (issue 6): the hub computes a space's totals on request from its merged
 * pledge and check-in records. This measures that computation (`impactOf`: read, resolve
 * actions, remove overlaps, count, suppress) against its own baseline, the bare read of the same
 * rows, for 1,000 and 10,000 people (two pledges and four check-ins each) in the same run and
 * database, and prints both ratios. Rows are inserted directly: this is about reading, not
 * pushing (bench/hub.ts measures pushes).
 * Runs on PGlite always and on PostgreSQL when DATABASE_URL is set.
 * Run: npx svelte-kit sync && npx tsx bench/impact.ts
 */
import { randomBytes } from 'node:crypto';
import { catalogue } from '../src/lib/domain/pledge/catalogue';
import { newId, oncePerPersonId } from '../src/lib/domain/ids';
import { checkInTarget, pledgeTarget } from '../src/lib/domain/records/pledge';
import type { Hub } from '../src/lib/server/hub';
import { impactOf } from '../src/lib/server/pledge/impact';
import { engines, type TestDatabase } from '../tests/server/engines';
import { createWorld, type World } from '../tests/server/helpers';

const runs = 7;

interface Row {
	id: string;
	type: string;
	author: string;
	fields: Record<string, unknown>;
}

/** Two pledges and two weeks of check-ins for each of `people`. */
function rowsFor(space: string, people: number): Row[] {
	const rows: Row[] = [];
	for (let p = 0; p < people; p++) {
		const author = newId();
		for (const action of [
			catalogue[p % catalogue.length]!,
			catalogue[(p * 7 + 3) % catalogue.length]!
		]) {
			const pledge = oncePerPersonId(space, pledgeTarget(action.id), author);
			const startsOn = '2027-05-03';
			rows.push({
				id: pledge,
				type: 'pledge',
				author,
				fields: {
					action: action.id,
					level: action.level.initial,
					startsOn,
					endsOn: '2027-07-03',
					status: p % 10 === 0 ? 'withdrawn' : 'active',
					origin: '',
					language: 'en',
					createdAt: 0
				}
			});
			for (const week of [1, 2])
				rows.push({
					id: oncePerPersonId(space, checkInTarget(pledge, startsOn, week), author),
					type: 'checkIn',
					author,
					fields: { pledge, startsOn, week, result: week === 1 ? 'done' : 'partly', createdAt: 0 }
				});
		}
	}
	return rows;
}

async function seed(hub: Hub, world: World, people: number): Promise<string> {
	const space = await world.space({ id: `bench-${randomBytes(4).toString('hex')}` });
	const rows = rowsFor(space, people);
	for (let i = 0; i < rows.length; i += 2000) {
		const chunk = rows.slice(i, i + 2000).map((row, j) => ({ ...row, seq: i + j + 1 }));
		await hub.db.query(
			`INSERT INTO records (id, space, type, author, fields, clocks, seq)
			SELECT r.id, $1, r.type, r.author, r.fields, '{}'::jsonb, r.seq
			FROM jsonb_to_recordset(($2::text)::jsonb)
				AS r(id uuid, type text, author uuid, fields jsonb, seq bigint)`,
			[space, JSON.stringify(chunk)]
		);
	}
	await hub.db.query('UPDATE spaces SET seq = $2 WHERE id = $1', [space, rows.length]);
	return space;
}

async function median(work: () => Promise<unknown>): Promise<number> {
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		await work();
		times.push(performance.now() - start);
	}
	return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

async function measure(engine: string, hub: Hub, world: World, people: number) {
	const space = await seed(hub, world, people);
	const read = () =>
		hub.db.query(
			`SELECT id::text AS id, space, type, author::text AS author, fields FROM records
			WHERE space = ANY($1::text[]) AND type IN ('pledge', 'checkIn', 'pledgeAction')
				AND NOT deleted AND NOT hidden`,
			[[space]]
		);
	await read();
	const summary = await impactOf(hub.db, [space]); // warm-up, and a check the seed counts
	if (!summary.people || summary.people < people * 0.9)
		throw new Error(`impact counted ${summary.people} people of ${people}`);
	const baseline = await median(read);
	const impact = await median(() => impactOf(hub.db, [space]));
	console.log(
		`${engine.padEnd(9)} ${String(people).padStart(6)} people  read ${baseline.toFixed(1).padStart(7)} ms   impact ${impact.toFixed(1).padStart(7)} ms   ratio ${(impact / baseline).toFixed(2)}x`
	);
	return impact;
}

async function compare(engine: string, database: TestDatabase) {
	const hub = await database.hub();
	const world = await createWorld(hub);
	const small = await measure(engine, hub, world, 1_000);
	const large = await measure(engine, hub, world, 10_000);
	console.log(`${engine.padEnd(9)} ratio ${(large / small).toFixed(2)}x for 10x the people`);
}

console.log(
	`Impact totals: impactOf vs the bare read of the same rows, median of ${runs} (2 pledges, 4 check-ins a person)`
);
for (const engine of engines) {
	const database = await engine.create();
	try {
		await compare(engine.name, database);
	} finally {
		await database.drop();
	}
}
if (engines.length === 1) console.log('postgres  skipped: set DATABASE_URL to measure PostgreSQL');
