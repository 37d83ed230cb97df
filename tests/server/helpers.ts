/** Builders for push requests and small readers of hub state, shared by the server suites. */
import { formatHlc } from '../../src/lib/domain/hlc';
import { newId } from '../../src/lib/domain/ids';
import type { Fields } from '../../src/lib/domain/merge';
import type {
	Mutation,
	PullResponse,
	PushResponse,
	RemoteRecord
} from '../../src/lib/domain/protocol';
import type { Db } from '../../src/lib/server/db/client';
import { handlePull, handlePush } from '../../src/lib/server/api';
import type { Hub } from '../../src/lib/server/hub';

/** A fixed instant, so clocks in tests are never clamped unless a test means it. */
export const t0 = Date.now();

export function hlc(offsetMs: number, node = 'node-a', counter = 0): string {
	return formatHlc({ wall: t0 + offsetMs, counter, node });
}

export function ideaFields(overrides: Fields = {}): Fields {
	return {
		title: 'Bike lanes on Nordstraße',
		text: 'Protected lanes from the station to the school.',
		category: 'mobility',
		language: 'en',
		authorName: 'Ana',
		createdAt: 1_700_000_000_000,
		...overrides
	};
}

export function mutation(id: string, space: string, patch: Fields, clock = hlc(0)): Mutation {
	return { id, type: 'idea', space, hlc: clock, patch };
}

export interface Device {
	deviceId: string;
	participant: string;
	/** A push body with one batch per list of mutations, numbered from `firstSeq`. */
	body(batches: Mutation[][], firstSeq?: number): Record<string, unknown>;
}

export function device(): Device {
	const deviceId = newId();
	const participant = newId();
	return {
		deviceId,
		participant,
		body: (batches, firstSeq = 1) => ({
			protocol: 1,
			deviceId,
			participant,
			batches: batches.map((mutations, i) => ({ seq: firstSeq + i, mutations }))
		})
	};
}

export function pushRequest(body: unknown, headers: Record<string, string> = {}): Request {
	return new Request('http://hub.test/api/v1/sync/push', {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: typeof body === 'string' ? body : JSON.stringify(body)
	});
}

/** Pushes through the HTTP handler and insists on a 200. */
export async function push(hub: Hub, body: unknown): Promise<PushResponse> {
	const response = await handlePush(pushRequest(body), hub);
	const json = (await response.json()) as unknown;
	if (response.status !== 200) throw new Error(`push ${response.status}: ${JSON.stringify(json)}`);
	return json as PushResponse;
}

export function pullRequest(query: Record<string, string>): Request {
	return new Request(`http://hub.test/api/v1/sync/pull?${new URLSearchParams(query)}`);
}

export async function pull(hub: Hub, query: Record<string, string>): Promise<PullResponse> {
	const response = await handlePull(pullRequest(query), hub);
	const json = (await response.json()) as unknown;
	if (response.status !== 200) throw new Error(`pull ${response.status}: ${JSON.stringify(json)}`);
	return json as PullResponse;
}

/** Pages through a space from `after`; returns every page's changes in order and the cursor. */
export async function pullPages(
	hub: Hub,
	space: string,
	limit: number,
	after?: string
): Promise<{ changes: RemoteRecord[]; cursor: string | undefined }> {
	const changes: RemoteRecord[] = [];
	let cursor = after;
	for (;;) {
		const page = await pull(hub, {
			space,
			limit: String(limit),
			...(cursor ? { after: cursor } : {})
		});
		changes.push(...page.changes);
		cursor = page.cursor;
		if (!page.more) return { changes, cursor };
	}
}

/** The latest state of every record of a space, as a fresh client would build it. */
export async function stateOf(hub: Hub, space: string): Promise<Map<string, RemoteRecord>> {
	const { changes } = await pullPages(hub, space, 1000);
	return new Map(changes.map((record) => [record.id, record]));
}

export async function rowCounts(db: Db): Promise<Record<string, number>> {
	const [row] = await db.query<Record<string, unknown>>(
		`SELECT (SELECT count(*) FROM records) AS records, (SELECT count(*) FROM receipts) AS receipts,
		(SELECT count(*) FROM spaces) AS spaces, (SELECT coalesce(sum(seq), 0) FROM spaces) AS seqs`
	);
	return Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)]));
}

/** A space id no other test uses. */
export function newSpace(prefix = 'space'): string {
	return `${prefix}-${newId().slice(-12)}`;
}
