import { PlazaError } from '$lib/domain/errors';
import { limits, parseCursor, type PullResponse } from '$lib/domain/protocol';
import { applyPulled, resetSpace, spaceMeta } from '$lib/store/remote';
import { isAuthFailure, type Api } from './api';
import { pendingChanges, pendingHeader } from './pending';

async function pullPages(
	api: Api,
	space: string,
	token: string | null
): Promise<string | undefined> {
	let { cursor } = await spaceMeta(space);
	// What this device still holds for the space after the push before this pull.
	const headers = { [pendingHeader]: String(await pendingChanges(space)) };
	for (;;) {
		const query = new URLSearchParams({ space, limit: String(limits.pullDefault) });
		if (cursor) query.set('after', cursor);
		const page = await api.request<PullResponse>(`/api/v1/sync/pull?${query}`, {
			token,
			headers
		});
		await applyPulled(space, page.changes, page.cursor);
		const stuck = page.cursor === cursor;
		cursor = page.cursor;
		if (!page.more || stuck) return cursor;
	}
}

/**
 * Pull one space page by page until the hub says there is no more. On `must-refetch` (the
 * hub was reset, or our cursor is behind the tombstone horizon) drop the synced rows of the
 * space, keep the outbox, and pull again from the start, once. `token` is the space's
 * participant token (none: anonymous, or a facilitator's cookie).
 */
export async function pullSpace(
	api: Api,
	space: string,
	token: string | null = null
): Promise<string | undefined> {
	try {
		return await pullPages(api, space, token);
	} catch (error) {
		if (!(error instanceof PlazaError) || error.code !== 'must-refetch') throw error;
		await resetSpace(space);
		return pullPages(api, space, token);
	}
}

export interface PullOutcome {
	/** Every pulled space has passed this device's last push checkpoint. */
	caughtUp: boolean;
	/** Spaces the hub refused to let this device read (401/403), with its answer. */
	refused: Record<string, PlazaError>;
}

/**
 * Pull each space with its own token. A refusal of one space is collected and the next space
 * goes on; any other failure (network, server) ends the round.
 */
export async function pullSpaces(
	api: Api,
	spaces: string[],
	tokens: Record<string, string> = {}
): Promise<PullOutcome> {
	const outcome: PullOutcome = { caughtUp: true, refused: {} };
	for (const space of spaces) {
		try {
			const cursor = await pullSpace(api, space, tokens[space] ?? null);
			if (!reached(cursor, (await spaceMeta(space)).checkpoint)) outcome.caughtUp = false;
		} catch (error) {
			if (!isAuthFailure(error)) throw error;
			outcome.refused[space] = error;
			outcome.caughtUp = false;
		}
	}
	return outcome;
}

/** Whether a pull that reached `cursor` has passed a push checkpoint (same epoch, ≥ seq). */
export function reached(cursor: string | undefined, checkpoint: string | undefined): boolean {
	if (!checkpoint) return true;
	if (!cursor) return false;
	const at = parseCursor(cursor);
	const target = parseCursor(checkpoint);
	return at.epoch !== target.epoch || at.seq >= target.seq;
}
