/**
 * Pushing the outbox, one space at a time: each space's rows travel with that space's
 * participant token (none for a space this device did not join: a logged-in facilitator's
 * cookie authorises it). A space the hub refuses (401/403) keeps its rows and is reported;
 * the other spaces are still pushed.
 */
import { PlazaError } from '$lib/domain/errors';
import { limits, protocolVersion, type PushRequest, type PushResponse } from '$lib/domain/protocol';
import type { Identity } from '$lib/store/meta';
import {
	applyPushResults,
	markSent,
	markWaiting,
	spacesToPush,
	takeBatches
} from '$lib/store/outbox';
import { heldRows } from '$lib/store/blobs';
import { setCheckpoints } from '$lib/store/remote';
import { isAuthFailure, type Api } from './api';

/** Room left in `limits.pushBytes` for the envelope around the batches. */
const envelopeBytes = 1024;

export interface PushOutcome {
	/** Rows the hub answered for. */
	batches: number;
	/** Spaces this push wrote to, with the hub sequence that includes the writes. */
	checkpoints: Record<string, string>;
	/** Spaces the hub refused to take a push for, with its answer (401/403). */
	refused: Record<string, PlazaError>;
}

/** Uploads a space's waiting blobs (sync/blobs.ts) before its rows are pushed. */
export type BlobUpload = (space: string, token: string | undefined) => Promise<unknown>;

/**
 * Push the outbox of every space. Network and other failures stop the round (thrown);
 * refusals of one space are collected in `refused` and the next space goes on.
 */
export async function pushOutbox(
	api: Api,
	identity: Identity,
	tokens: Record<string, string> = {},
	uploadBlobs?: BlobUpload
): Promise<PushOutcome> {
	const outcome: PushOutcome = { batches: 0, checkpoints: {}, refused: {} };
	for (const space of await spacesToPush()) {
		try {
			await uploadBlobs?.(space, tokens[space]);
			await pushSpace(api, identity, space, tokens[space], outcome);
		} catch (error) {
			if (!isAuthFailure(error)) throw error;
			outcome.refused[space] = error;
		}
	}
	return outcome;
}

/**
 * Push one space's rows until none is left to send (rejected rows wait for the person; rows
 * referring to a blob the hub does not hold yet wait for the next round).
 * Each round takes rows within the limits, marks them sent, posts them and applies the
 * answer; a row the hub does not answer for stays `sent` and is sent again next sync.
 */
async function pushSpace(
	api: Api,
	identity: Identity,
	space: string,
	token: string | undefined,
	outcome: PushOutcome
): Promise<void> {
	const tried = await heldRows(space);
	for (;;) {
		const rows = (
			await takeBatches(
				limits.mutationsPerPush,
				limits.pushBytes - envelopeBytes,
				limits.batchesPerPush,
				space
			)
		).filter((row) => !tried.has(row.seq!));
		if (rows.length === 0) return;
		const seqs = rows.map((row) => row.seq!);
		seqs.forEach((seq) => tried.add(seq));
		await markSent(seqs);
		const body: PushRequest = {
			protocol: protocolVersion,
			deviceId: identity.deviceId,
			participant: identity.participant,
			batches: rows.map((row) => ({ seq: row.seq!, mutations: row.mutations }))
		};
		const response = await send(api, body, seqs, token ?? null);
		await applyPushResults(response.results);
		await setCheckpoints(response.checkpoints ?? {});
		Object.assign(outcome.checkpoints, response.checkpoints);
		outcome.batches += response.results.length;
	}
}

async function send(
	api: Api,
	body: PushRequest,
	seqs: number[],
	token: string | null
): Promise<PushResponse> {
	try {
		return await api.request<PushResponse>('/api/v1/sync/push', {
			method: 'POST',
			body: JSON.stringify(body),
			token
		});
	} catch (error) {
		// Unreachable or refused: nothing arrived (or the receipt will answer `duplicate`).
		const unsent = error instanceof PlazaError && error.code === 'network';
		if (unsent || isAuthFailure(error)) await markWaiting(seqs);
		throw error;
	}
}
