/**
 * Builders for push requests, a small world of accounts, spaces and participants made directly
 * in SQL (so the sync suites do not depend on the account routes), and readers of hub state.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Actor, ErasePolicy } from '../../src/lib/domain/auth';
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
import { signParticipantToken } from '../../src/lib/server/auth/tokens';
import { handlePutBlob } from '../../src/lib/server/blobs/handlers';
import type { Ctx } from '../../src/lib/server/http/context';
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

/** A request context as the routes build it, for a hand-made actor. */
export function ctx(hub: Hub, actor: Actor = { kind: 'anonymous' }, now = Date.now()): Ctx {
	return { hub, actor, ip: `10.0.${Math.floor(Math.random() * 250)}.1`, now };
}

export type AccountActor = Extract<Actor, { kind: 'account' }>;

async function createAccount(
	hub: Hub,
	organisation: string,
	role: AccountActor['role'],
	name: string
): Promise<AccountActor> {
	const accountId = newId();
	const email = `${name.toLowerCase()}-${accountId.slice(-8)}@example.org`;
	await hub.db.query(
		`INSERT INTO accounts (id, organisation, email, name, password_hash, role)
		VALUES ($1, $2, $3, $4, 'not-a-hash', $5)`,
		[accountId, organisation, email, name, role]
	);
	return { kind: 'account', accountId, organisation, role, email, name };
}

export interface SpaceOptions {
	id?: string;
	/** 'ideas' unless said; a map space needs settings (tests/server/map/kit.ts makes those). */
	kind?: 'ideas' | 'workshop';
	published?: boolean;
	status?: 'open' | 'closed';
	erasePolicy?: ErasePolicy;
	retentionUntil?: string | null;
	facilitators?: AccountActor[];
}

/** A joined participant: a device identity with its token and the actor the token resolves to. */
export interface Member extends Device {
	space: string;
	token: string;
	actor: Actor;
}

/** An organisation with an admin and two facilitators, and builders for its spaces. */
export interface World {
	organisation: string;
	admin: AccountActor;
	facilitator: AccountActor;
	otherFacilitator: AccountActor;
	/** A space of this organisation; facilitated by `facilitator` unless said otherwise. */
	space(options?: SpaceOptions): Promise<string>;
	/** Joins a device to `space` as the contract's join would: a participants row and a token. */
	member(space: string): Promise<Member>;
}

export async function createWorld(hub: Hub): Promise<World> {
	const organisation = newId();
	await hub.db.query('INSERT INTO organisations (id, name) VALUES ($1, $2)', [
		organisation,
		'City of Testing'
	]);
	const admin = await createAccount(hub, organisation, 'admin', 'Ada');
	const facilitator = await createAccount(hub, organisation, 'facilitator', 'Fay');
	const otherFacilitator = await createAccount(hub, organisation, 'facilitator', 'Otto');
	return {
		organisation,
		admin,
		facilitator,
		otherFacilitator,
		async space(options = {}) {
			const id = options.id ?? newSpace();
			await hub.db.query(
				`INSERT INTO spaces (id, organisation, title, purpose, privacy_notice, erase_policy,
					retention_until, published, status, join_code, kind)
				VALUES ($1, $2, 'A space', 'Testing', 'Notice', $3, $4::date, $5, $6, $7, $8)`,
				[
					id,
					organisation,
					options.erasePolicy ?? 'delete',
					options.retentionUntil ?? null,
					options.published ?? false,
					options.status ?? 'open',
					randomBytes(5).toString('hex').toUpperCase(),
					options.kind ?? 'ideas'
				]
			);
			for (const account of options.facilitators ?? [facilitator])
				await hub.db.query('INSERT INTO space_facilitators (space, account) VALUES ($1, $2)', [
					id,
					account.accountId
				]);
			return id;
		},
		async member(space) {
			const phone = device();
			await hub.db.query('INSERT INTO participants (space, participant) VALUES ($1, $2)', [
				space,
				phone.participant
			]);
			const token = await signParticipantToken(hub, {
				space,
				participant: phone.participant,
				issuedAt: Date.now()
			});
			return {
				...phone,
				space,
				token,
				actor: { kind: 'participant', participant: phone.participant, space }
			};
		}
	};
}

/** Pushes through the HTTP handler as `actor` and insists on a 200. */
export async function push(hub: Hub, body: unknown, actor: Actor): Promise<PushResponse> {
	const response = await handlePush(pushRequest(body), ctx(hub, actor));
	const json = (await response.json()) as unknown;
	if (response.status !== 200) throw new Error(`push ${response.status}: ${JSON.stringify(json)}`);
	return json as PushResponse;
}

export function pullRequest(query: Record<string, string>): Request {
	return new Request(`http://hub.test/api/v1/sync/pull?${new URLSearchParams(query)}`);
}

/** Pulls as `actor` and insists on a 200. */
export async function pull(
	hub: Hub,
	query: Record<string, string>,
	actor: Actor
): Promise<PullResponse> {
	const response = await handlePull(pullRequest(query), ctx(hub, actor));
	const json = (await response.json()) as unknown;
	if (response.status !== 200) throw new Error(`pull ${response.status}: ${JSON.stringify(json)}`);
	return json as PullResponse;
}

/** Pages through a space from `after`; returns every page's changes in order and the cursor. */
export async function pullPages(
	hub: Hub,
	space: string,
	limit: number,
	actor: Actor,
	after?: string
): Promise<{ changes: RemoteRecord[]; cursor: string | undefined }> {
	const changes: RemoteRecord[] = [];
	let cursor = after;
	for (;;) {
		const page = await pull(
			hub,
			{ space, limit: String(limit), ...(cursor ? { after: cursor } : {}) },
			actor
		);
		changes.push(...page.changes);
		cursor = page.cursor;
		if (!page.more) return { changes, cursor };
	}
}

/** The latest state of every record of a space, as a fresh client would build it. */
export async function stateOf(
	hub: Hub,
	space: string,
	actor: Actor
): Promise<Map<string, RemoteRecord>> {
	const { changes } = await pullPages(hub, space, 1000, actor);
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

/**
 * PUT /api/v1/blobs/<sha256>?space=… as `actor`: `content` (text or bytes) as a blob of `space`.
 * Returns its name and the hub's answer.
 */
export async function uploadBlob(
	hub: Hub,
	actor: Actor,
	space: string,
	content: string | Uint8Array,
	type = 'image/png'
): Promise<{ name: string; response: Response }> {
	const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
	const name = createHash('sha256').update(bytes).digest('hex');
	const request = new Request(`http://hub.test/api/v1/blobs/${name}?space=${space}`, {
		method: 'PUT',
		headers: { 'content-type': type },
		body: bytes as Uint8Array<ArrayBuffer>
	});
	return { name, response: await handlePutBlob(request, name, ctx(hub, actor)) };
}
