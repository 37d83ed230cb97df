import { limits, protocolVersion, type PushRequest, type PushResponse } from '$lib/domain/protocol';
import type { Identity } from '$lib/store/meta';
import { applyPushResults, markSent, markWaiting, takeBatches } from '$lib/store/outbox';
import { PlazaError } from '$lib/domain/errors';
import { setCheckpoints } from '$lib/store/remote';
import type { Api } from './api';

/** Room left in `limits.pushBytes` for the envelope around the batches. */
const envelopeBytes = 1024;

export interface PushOutcome {
	/** Rows the hub answered for. */
	batches: number;
	/** Spaces this push wrote to, with the hub sequence that includes the writes. */
	checkpoints: Record<string, string>;
}

/**
 * Push the outbox until it holds nothing more to send (rejected rows wait for the person).
 * Each round takes rows within the limits, marks them sent, posts them and applies the
 * answer; a row the hub does not answer for stays `sent` and is sent again next sync.
 */
export async function pushOutbox(api: Api, identity: Identity): Promise<PushOutcome> {
	const outcome: PushOutcome = { batches: 0, checkpoints: {} };
	const tried = new Set<number>();
	for (;;) {
		const rows = (
			await takeBatches(limits.mutationsPerPush, limits.pushBytes - envelopeBytes)
		).filter((row) => !tried.has(row.seq!));
		if (rows.length === 0) return outcome;
		const seqs = rows.map((row) => row.seq!);
		seqs.forEach((seq) => tried.add(seq));
		await markSent(seqs);
		const body: PushRequest = {
			protocol: protocolVersion,
			deviceId: identity.deviceId,
			participant: identity.participant,
			batches: rows.map((row) => ({ seq: row.seq!, mutations: row.mutations }))
		};
		const response = await send(api, body, seqs);
		await applyPushResults(response.results);
		await setCheckpoints(response.checkpoints ?? {});
		Object.assign(outcome.checkpoints, response.checkpoints);
		outcome.batches += response.results.length;
	}
}

async function send(api: Api, body: PushRequest, seqs: number[]): Promise<PushResponse> {
	try {
		return await api.request<PushResponse>('/api/v1/sync/push', {
			method: 'POST',
			body: JSON.stringify(body)
		});
	} catch (error) {
		// Unreachable hub: nothing arrived (or the receipt will answer `duplicate` next time).
		if (error instanceof PlazaError && error.code === 'network') await markWaiting(seqs);
		throw error;
	}
}
