/**
 * An in-memory hub that speaks sync protocol v1 through a `fetch` function: receipts per
 * (deviceId, seq) with a body hash, per-mutation validation, per-space cursors, 409
 * must-refetch on an unknown epoch, 426 on an unknown protocol. Enough to test the client.
 */
import * as v from 'valibot';
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

	fetch = async (input: string, init: RequestInit = {}): Promise<Response> => {
		if (!this.online) throw new TypeError('Failed to fetch');
		const url = new URL(input, 'http://hub.test');
		if (url.pathname === '/api/v1/sync/push') return this.#push(String(init.body));
		if (url.pathname === '/api/v1/sync/pull') return this.#pull(url.searchParams);
		return fail(404, 'not-found');
	};

	/** Forget everything, as a hub restored from nothing: old cursors become unknown. */
	reset(epoch: string): void {
		this.epoch = epoch;
		this.records.clear();
		this.spaceSeq.clear();
	}

	#push(text: string): Response {
		const raw = JSON.parse(text) as { protocol?: unknown };
		if (raw.protocol !== this.protocol) return fail(426, 'unsupported-protocol');
		const parsed = v.safeParse(PushRequestSchema, raw);
		if (!parsed.success) return fail(400, 'invalid-request', describeIssues(parsed.issues));
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
		if (this.refuse.has(m.id)) return reject('invalid-record', 'Refused by the test.');
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

	#pull(params: URLSearchParams): Response {
		const space = params.get('space') ?? '';
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
		const changes: RemoteRecord[] = page.map(({ seq: _seq, ...record }) => record);
		return json(200, {
			changes,
			cursor: formatCursor(this.epoch, last),
			more: changed.length > limit
		});
	}
}
