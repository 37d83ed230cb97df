import { PlazaError } from '$lib/domain/errors';
import { limits, parseCursor, type PullResponse } from '$lib/domain/protocol';
import { applyPulled, resetSpace, spaceMeta } from '$lib/store/remote';
import type { Api } from './api';

async function pullPages(api: Api, space: string): Promise<string | undefined> {
	let { cursor } = await spaceMeta(space);
	for (;;) {
		const query = new URLSearchParams({ space, limit: String(limits.pullDefault) });
		if (cursor) query.set('after', cursor);
		const page = await api.request<PullResponse>(`/api/v1/sync/pull?${query}`);
		await applyPulled(space, page.changes, page.cursor);
		const stuck = page.cursor === cursor;
		cursor = page.cursor;
		if (!page.more || stuck) return cursor;
	}
}

/**
 * Pull one space page by page until the hub says there is no more. On `must-refetch` (the
 * hub was reset, or our cursor is behind the tombstone horizon) drop the synced rows of the
 * space, keep the outbox, and pull again from the start, once.
 */
export async function pullSpace(api: Api, space: string): Promise<string | undefined> {
	try {
		return await pullPages(api, space);
	} catch (error) {
		if (!(error instanceof PlazaError) || error.code !== 'must-refetch') throw error;
		await resetSpace(space);
		return pullPages(api, space);
	}
}

/** Whether a pull that reached `cursor` has passed a push checkpoint (same epoch, ≥ seq). */
export function reached(cursor: string | undefined, checkpoint: string | undefined): boolean {
	if (!checkpoint) return true;
	if (!cursor) return false;
	const at = parseCursor(cursor);
	const target = parseCursor(checkpoint);
	return at.epoch !== target.epoch || at.seq >= target.seq;
}
