/**
 * An in-memory hub that speaks sync protocol v1 through a `fetch` function: receipts per
 * (deviceId, seq) with a body hash, per-mutation validation, per-space cursors, 409
 * must-refetch on an unknown epoch, 426 on an unknown protocol; participant tokens per space
 * (a `guarded` space answers 401 without its token, a `forbidden` one 403), join by code,
 * report, and the participant's data (download, erase). Enough to test the client.
 */
import * as v from 'valibot';
import type { PublicSpaceView } from '$lib/domain/auth';
import { mergeStates, patchState, type RecordState } from '$lib/domain/merge';
import {
	createSchemaFor,
	describeIssues,
	formatCursor,
	parseCursor,
	patchSchemaFor,
	protocolVersion,
	PushRequestSchema,
	type BatchResult,
	type Mutation,
	type MutationResult,
	type PushRequest,
	type RemoteRecord
} from '$lib/domain/protocol';

interface Stored extends RecordState {
	id: string;
	type: 'idea';
	space: string;
	author: string;
	seq: number;
	hidden?: boolean;
	hiddenReason?: string;
}

const json = (status: number, body: unknown) =>
	new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const fail = (status: number, code: string, message = code) =>
	json(status, { error: { code, message } });

export class FakeHub {
	epoch = 'e1';
	online = true;
	protocol = protocolVersion;
	records = new Map<string, Stored>();
	spaceSeq = new Map<string, number>();
	receipts = new Map<string, { hash: string; result: BatchResult }>();
	pushes: PushRequest[] = [];
	pulls: string[] = [];
	/** Record ids whose mutations this hub refuses (to test rejection). */
	refuse = new Set<string>();
	/** The code those refusals carry. */
	refuseCode = 'invalid-record';
	/** Spaces that answer 401 unless the request carries a token for them. */
	guarded = new Set<string>();
	/** Spaces that answer 403 whatever the request carries. */
	forbidden = new Set<string>();
	/** token → space. */
	tokens = new Map<string, string>();
	/** join code → space. */
	codes = new Map<string, PublicSpaceView>();
	/** Every request: method, path with query, and its Authorization header. */
	requests: { method: string; path: string; authorization: string | null }[] = [];
	reports: { space: string; record: string; reason: string; token: string | null }[] = [];
	joins: { code: string; participant: string; displayName?: string }[] = [];

	fetch = async (input: string, init: RequestInit = {}): Promise<Response> => {
		if (!this.online) throw new TypeError('Failed to fetch');
		const url = new URL(input, 'http://hub.test');
		const authorization = new Headers(init.headers).get('authorization');
		const method = init.method ?? 'GET';
		this.requests.push({ method, path: url.pathname + url.search, authorization });
		const token = authorization?.replace(/^Bearer /, '') ?? null;
		if (url.pathname === '/api/v1/sync/push') return this.#push(String(init.body), token);
		if (url.pathname === '/api/v1/sync/pull') return this.#pull(url.searchParams, token);
		return this.#participant(method, url, init, token);
	};

	/** Pulls see hidden records in full (a facilitator's device) instead of as tombstones. */
	staff = false;

	/** Hide or unhide a record, as a facilitator does: the change flows through pull. */
	setHidden(id: string, hidden: boolean, reason = 'Off topic'): void {
		const record = this.records.get(id)!;
		const seq = (this.spaceSeq.get(record.space) ?? 0) + 1;
		this.spaceSeq.set(record.space, seq);
		this.records.set(id, { ...record, seq, hidden, hiddenReason: hidden ? reason : undefined });
	}

	#view({ seq: _seq, hidden, hiddenReason, ...record }: Stored): RemoteRecord {
		if (!hidden) return record;
		if (this.staff) return { ...record, hidden, hiddenReason };
		const clock = `${record.clocks.deleted ?? ''}`;
		return {
			...record,
			fields: { deleted: true },
			clocks: clock ? { deleted: clock } : {},
			hidden
		};
	}

	/** Issue a token for a space and guard the space with it. */
	grant(space: string, token = `tok-${space}`): string {
		this.tokens.set(token, space);
		this.guarded.add(space);
		return token;
	}

	/** Publish a join code for a space; joining grants a token. */
	addSpace(code: string, info: Partial<PublicSpaceView> & { id: string }): PublicSpaceView {
		const space: PublicSpaceView = {
			title: `Space ${info.id}`,
			purpose: 'Ideas for the park.\nEveryone welcome.',
			privacyNotice: 'We keep your ideas until the end of the year.',
			erasePolicy: 'delete',
			retentionUntil: null,
			published: false,
			status: 'open',
			kind: 'ideas',
			date: null,
			place: '',
			languages: [],
			...info
		};
		this.codes.set(code, space);
		this.guarded.add(space.id);
		return space;
	}

	/** null when the request may touch `space`, else the refusal. */
	#refusal(space: string, token: string | null): Response | null {
		if (this.forbidden.has(space)) return fail(403, 'forbidden');
		if (!this.guarded.has(space)) return null;
		return token && this.tokens.get(token) === space ? null : fail(401, 'unauthorised');
	}

	#participant(method: string, url: URL, init: RequestInit, token: string | null): Response {
		const path = url.pathname;
		const lookup = /^\/api\/v1\/join\/([^/]+)$/.exec(path);
		if (lookup && method === 'GET') {
			const space = this.codes.get(decodeURIComponent(lookup[1]!));
			return space ? json(200, { space }) : fail(404, 'unknown-join-code');
		}
		if (path === '/api/v1/join' && method === 'POST') {
			const body = JSON.parse(String(init.body)) as (typeof this.joins)[number];
			this.joins.push(body);
			const space = this.codes.get(body.code);
			if (!space) return fail(404, 'unknown-join-code');
			const issued = this.grant(space.id, `tok-${space.id}-${body.participant}`);
			return json(200, { space: { ...space, joinCode: body.code }, token: issued });
		}
		const report = /^\/api\/v1\/spaces\/([^/]+)\/records\/([^/]+)\/report$/.exec(path);
		if (report && method === 'POST') {
			const [, space, record] = report as unknown as [string, string, string];
			const refused = this.#refusal(space, token);
			if (refused) return refused;
			const { reason } = JSON.parse(String(init.body)) as { reason: string };
			this.reports.push({ space, record, reason, token });
			return json(201, {});
		}
		if (path === '/api/v1/me/data') return this.#myData(method, url.searchParams, token);
		return fail(404, 'not-found');
	}

	#myData(method: string, params: URLSearchParams, token: string | null): Response {
		const space = params.get('space') ?? '';
		const refused = this.#refusal(space, token);
		if (refused || !token) return refused ?? fail(401, 'unauthorised');
		const participant = token.slice(`tok-${space}-`.length);
		const mine = [...this.records.values()].filter(
			(r) => r.space === space && r.author === participant
		);
		if (method === 'DELETE') {
			mine.forEach((r) => this.records.delete(r.id));
			this.tokens.delete(token);
			return new Response(null, { status: 204 });
		}
		const records = mine.map(({ seq: _seq, ...record }) => record);
		return json(200, { space, participant, records });
	}

	/** Forget everything, as a hub restored from nothing: old cursors become unknown. */
	reset(epoch: string): void {
		this.epoch = epoch;
		this.records.clear();
		this.spaceSeq.clear();
	}

	#push(text: string, token: string | null): Response {
		const raw = JSON.parse(text) as { protocol?: unknown };
		if (raw.protocol !== this.protocol) return fail(426, 'unsupported-protocol');
		const parsed = v.safeParse(PushRequestSchema, raw);
		if (!parsed.success) return fail(400, 'invalid-request', describeIssues(parsed.issues));
		const spaces = new Set(parsed.output.batches.flatMap((b) => b.mutations.map((m) => m.space)));
		for (const space of spaces) {
			const refused = this.#refusal(space, token);
			if (refused) return refused;
		}
		this.pushes.push(parsed.output);
		const checkpoints: Record<string, string> = {};
		const results = parsed.output.batches.map((batch) => {
			const key = `${parsed.output.deviceId}:${batch.seq}`;
			const hash = JSON.stringify(batch.mutations);
			const receipt = this.receipts.get(key);
			if (receipt && receipt.hash !== hash)
				return {
					seq: batch.seq,
					status: 'rejected' as const,
					code: 'conflicting-resend',
					mutations: []
				};
			if (receipt)
				return {
					...receipt.result,
					status: 'duplicate' as const,
					mutations: receipt.result.mutations.map((m) =>
						m.status === 'applied' ? { ...m, status: 'duplicate' as const } : m
					)
				};
			const mutations = batch.mutations.map((m) =>
				this.#apply(m, parsed.output.participant, checkpoints)
			);
			const result: BatchResult = { seq: batch.seq, status: 'applied', mutations };
			this.receipts.set(key, { hash, result });
			return result;
		});
		return json(200, { protocol: protocolVersion, results, checkpoints });
	}

	#apply(m: Mutation, author: string, checkpoints: Record<string, string>): MutationResult {
		const reject = (code: string, message: string) => ({
			id: m.id,
			status: 'rejected' as const,
			code,
			message
		});
		if (this.refuse.has(m.id)) return reject(this.refuseCode, 'Refused by the test.');
		const existing = this.records.get(m.id);
		if (existing && existing.space !== m.space) return reject('space-mismatch', 'Other space.');
		const schema = existing ? patchSchemaFor(m.type) : createSchemaFor(m.type);
		const check = v.safeParse(schema, m.patch);
		if (!check.success)
			return reject(existing ? 'invalid-record' : 'missing-fields', describeIssues(check.issues));
		const seq = (this.spaceSeq.get(m.space) ?? 0) + 1;
		this.spaceSeq.set(m.space, seq);
		const merged = mergeStates(existing ?? { fields: {}, clocks: {} }, patchState(m.patch, m.hlc));
		this.records.set(m.id, {
			id: m.id,
			type: 'idea',
			space: m.space,
			author: existing?.author ?? author,
			...merged,
			seq
		});
		checkpoints[m.space] = formatCursor(this.epoch, seq);
		return { id: m.id, status: 'applied' };
	}

	#pull(params: URLSearchParams, token: string | null): Response {
		const space = params.get('space') ?? '';
		const refused = this.#refusal(space, token);
		if (refused) return refused;
		const after = params.get('after');
		const limit = Number(params.get('limit') ?? 500);
		this.pulls.push(space);
		const from = after ? parseCursor(after) : { epoch: this.epoch, seq: 0 };
		if (from.epoch !== this.epoch) return fail(409, 'must-refetch');
		const changed = [...this.records.values()]
			.filter((r) => r.space === space && r.seq > from.seq)
			.sort((a, b) => a.seq - b.seq);
		const page = changed.slice(0, limit);
		const last = page.at(-1)?.seq ?? from.seq;
		const changes: RemoteRecord[] = page.map((record) => this.#view(record));
		return json(200, {
			changes,
			cursor: formatCursor(this.epoch, last),
			more: changed.length > limit
		});
	}
}
