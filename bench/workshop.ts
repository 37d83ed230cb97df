/**
 * A live workshop board under load: participants post notes through the hub's push handler
 * (one note per push, as a phone sends them) while a board listens on the live channel (the SSE
 * handler) and pulls after every change notice, the way the facilitator's projector does. It
 * measures the time from the first push until the board holds every note, for 200 participants
 * posting 2,000 notes against 20 participants posting 200, in the same run and database, and
 * prints both and the ratio (10× the notes should cost about 10× the time, not more).
 * Runs on PGlite always and on PostgreSQL when DATABASE_URL is set.
 * Run: npx svelte-kit sync && npx tsx bench/workshop.ts
 */
import { randomBytes } from 'node:crypto';
import type { Actor } from '../src/lib/domain/auth';
import { formatHlc } from '../src/lib/domain/hlc';
import { newId } from '../src/lib/domain/ids';
import { limits, type PullResponse } from '../src/lib/domain/protocol';
import { activityDefaults, presetThemes } from '../src/lib/domain/records';
import { handleEvents, handlePull, handlePush } from '../src/lib/server/api';
import type { Hub } from '../src/lib/server/hub';
import { engines, type TestDatabase } from '../tests/server/engines';
import { createWorld, ctx, type Member, type World } from '../tests/server/helpers';

const notesPerParticipant = 10;
const themes = JSON.stringify(presetThemes.map((id) => ({ id, label: id })));

async function post(hub: Hub, actor: Actor, body: unknown): Promise<void> {
	const request = new Request('http://bench/api/v1/sync/push', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});
	const response = await handlePush(request, ctx(hub, actor));
	const text = await response.text();
	if (response.status !== 200 || text.includes('"rejected"')) throw new Error(`push: ${text}`);
}

/** A workshop space with one open brainstorm on the theme categories; returns both ids. */
async function workshop(hub: Hub, world: World): Promise<{ space: string; activity: string }> {
	const space = await world.space({ id: `bench-${randomBytes(4).toString('hex')}` });
	await hub.db.query(`UPDATE spaces SET kind = 'workshop' WHERE id = $1`, [space]);
	const activity = newId();
	const fields = {
		...activityDefaults('brainstorm', 'How can our street get cooler in summer?', 0, Date.now()),
		status: 'open',
		categories: themes
	};
	const hlc = formatHlc({ wall: Date.now(), counter: 0, node: 'facilitator' });
	const mutations = [{ id: activity, type: 'activity', space, hlc, patch: fields }];
	const batches = [{ seq: 1, mutations }];
	await post(hub, world.facilitator, {
		protocol: 1,
		deviceId: newId(),
		participant: newId(),
		batches
	});
	return { space, activity };
}

/**
 * The projector: an SSE subscriber that pulls from its cursor on every notice (one pull at a
 * time; notices during a pull cause one more), counting the distinct notes it has seen.
 */
class Board {
	readonly notes = new Set<string>();
	#cursor: string | undefined;
	#pulling = false;
	#again = false;
	#closed = false;
	#work: Promise<void> = Promise.resolve();
	#abort = new AbortController();
	#reached: () => void = () => {};
	readonly complete: Promise<number>;

	constructor(
		readonly hub: Hub,
		readonly space: string,
		readonly actor: Actor,
		readonly expected: number
	) {
		this.complete = new Promise((resolve) => {
			this.#reached = () => resolve(performance.now());
		});
	}

	async open(): Promise<void> {
		const url = `http://bench/api/v1/events?space=${this.space}`;
		const request = new Request(url, { signal: this.#abort.signal });
		const response = await handleEvents(request, ctx(this.hub, this.actor));
		if (response.status !== 200 || !response.body) throw new Error(`events ${response.status}`);
		void this.#listen(response.body.getReader());
		await this.#pull();
	}

	/** Stops listening and waits for a pull still running (the database closes next). */
	async close(): Promise<void> {
		this.#closed = true;
		this.#abort.abort();
		await this.#work;
	}

	async #listen(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
		const decoder = new TextDecoder();
		let buffer = '';
		for (;;) {
			const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
			if (done) return;
			buffer += decoder.decode(value, { stream: true });
			const events = buffer.split('\n\n');
			buffer = events.pop() ?? '';
			if (events.some((event) => event.startsWith('event: change'))) this.#wake();
		}
	}

	#wake(): void {
		if (this.#closed) return;
		if (this.#pulling) {
			this.#again = true;
			return;
		}
		this.#pulling = true;
		this.#work = (async () => {
			try {
				do {
					this.#again = false;
					await this.#pull();
				} while (this.#again && !this.#closed);
			} finally {
				this.#pulling = false;
			}
		})();
	}

	async #pull(): Promise<void> {
		for (let more = true; more;) {
			const query = new URLSearchParams({ space: this.space, limit: String(limits.pullMax) });
			if (this.#cursor) query.set('after', this.#cursor);
			const request = new Request(`http://bench/api/v1/sync/pull?${query}`);
			const response = await handlePull(request, ctx(this.hub, this.actor));
			if (response.status !== 200) throw new Error(`pull: ${await response.text()}`);
			const page = (await response.json()) as PullResponse;
			for (const record of page.changes) if (record.type === 'note') this.notes.add(record.id);
			this.#cursor = page.cursor;
			more = page.more;
		}
		if (this.notes.size >= this.expected) this.#reached();
	}
}

/** One participant's phone: its notes, one push each, one after the other. */
async function participate(hub: Hub, member: Member, activity: string): Promise<void> {
	for (let i = 0; i < notesPerParticipant; i++) {
		const id = newId();
		const now = Date.now();
		const patch = {
			activity,
			text: `Shade trees and a water fountain at corner ${i} (${member.participant.slice(-6)})`,
			category: presetThemes[i % presetThemes.length]!,
			cluster: '',
			language: 'en',
			authorName: '',
			createdAt: now
		};
		const hlc = formatHlc({ wall: now, counter: 0, node: member.deviceId });
		const mutations = [{ id, type: 'note' as const, space: member.space, hlc, patch }];
		await post(hub, member.actor, member.body([mutations], i + 1));
	}
}

interface Outcome {
	participants: number;
	notes: number;
	pushedMs: number;
	boardMs: number;
}

async function scenario(hub: Hub, world: World, participants: number): Promise<Outcome> {
	const { space, activity } = await workshop(hub, world);
	const members: Member[] = [];
	for (let i = 0; i < participants; i++) members.push(await world.member(space));
	const notes = participants * notesPerParticipant;
	const board = new Board(hub, space, world.facilitator, notes);
	await board.open();
	const start = performance.now();
	await Promise.all(members.map((member) => participate(hub, member, activity)));
	const pushedMs = performance.now() - start;
	const boardMs = (await board.complete) - start;
	await board.close();
	if (board.notes.size !== notes) throw new Error(`board shows ${board.notes.size} of ${notes}`);
	return { participants, notes, pushedMs, boardMs };
}

function line(engine: string, o: Outcome): string {
	const who = `${o.participants} participants, ${o.notes} notes`.padEnd(28);
	const perNote = (o.boardMs / o.notes).toFixed(2);
	return `${engine.padEnd(9)} ${who} pushed ${o.pushedMs.toFixed(0).padStart(6)} ms   board complete ${o.boardMs.toFixed(0).padStart(6)} ms   (${perNote} ms/note)`;
}

async function compare(engine: string, database: TestDatabase) {
	const hub = await database.hub();
	const world = await createWorld(hub);
	await scenario(hub, world, 5); // warm-up: JIT, prepared statements
	const small = await scenario(hub, world, 20);
	const large = await scenario(hub, world, 200);
	console.log(line(engine, small));
	console.log(line(engine, large));
	const ratio = large.boardMs / small.boardMs;
	console.log(
		`${engine.padEnd(9)} ratio ${ratio.toFixed(2)}x for ${large.notes / small.notes}x the notes`
	);
}

console.log(
	`Workshop board: participants post ${notesPerParticipant} notes each (one push per note) while a board follows the live channel`
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
