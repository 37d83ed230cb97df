/**
 * Applying one batch's mutations to stored records, in memory: validation against the record
 * type's schemas, the HLC clamp, and the per-field merge. No SQL here; push.ts loads the records
 * and writes back only the ones that changed.
 */
import * as v from 'valibot';
import { clampHlc } from '$lib/domain/hlc';
import { changes, mergeStates, patchState, type Fields, type RecordState } from '$lib/domain/merge';
import {
	createSchemaFor,
	describeIssues,
	patchSchemaFor,
	type Mutation,
	type MutationResult
} from '$lib/domain/protocol';
import type { ErrorCode } from '$lib/domain/errors';
import type { RecordType } from '$lib/domain/records';

export interface StoredRecord extends RecordState {
	id: string;
	space: string;
	type: RecordType;
	author: string;
}

/** A mutation whose patch passed its schema, with its clock clamped to the hub's now. */
export interface PreparedMutation {
	index: number;
	mutation: Mutation;
	patch: Fields;
	hlc: string;
}

export function rejected(id: string, code: ErrorCode, message: string): MutationResult {
	return { id, status: 'rejected', code, message };
}

/** Checks what can be checked without the stored record; the rest happens in `applyMutation`. */
export function prepareMutation(
	mutation: Mutation,
	index: number,
	now: number
): PreparedMutation | MutationResult {
	const parsed = v.safeParse(patchSchemaFor(mutation.type), mutation.patch);
	if (!parsed.success)
		return rejected(mutation.id, 'invalid-record', describeIssues(parsed.issues));
	// A device clock far ahead would otherwise win every later edit: clamp, do not reject.
	return { index, mutation, patch: parsed.output as Fields, hlc: clampHlc(mutation.hlc, now) };
}

/**
 * Merges one prepared mutation into `records` (id → latest state, updated in place so later
 * mutations of the same batch see it) and adds the record to `dirty` when anything changed.
 * The author is the participant who created the record and never changes afterwards.
 */
export function applyMutation(
	prepared: PreparedMutation,
	records: Map<string, StoredRecord>,
	dirty: Set<string>,
	participant: string
): MutationResult {
	const { mutation, patch, hlc } = prepared;
	// PostgreSQL gives uuids back in lower case; a device may have sent upper case.
	const key = mutation.id.toLowerCase();
	const existing = records.get(key);
	const applied: MutationResult = { id: mutation.id, status: 'applied' };
	if (existing) {
		if (existing.space !== mutation.space)
			return rejected(mutation.id, 'space-mismatch', 'This record belongs to another space.');
		if (existing.type !== mutation.type)
			return rejected(mutation.id, 'type-mismatch', 'This record has another type.');
		const incoming = patchState(patch, hlc);
		if (!changes(existing, incoming)) return applied;
		records.set(key, { ...existing, ...mergeStates(existing, incoming) });
		dirty.add(key);
		return applied;
	}
	const created = v.safeParse(createSchemaFor(mutation.type), patch);
	if (!created.success)
		return rejected(mutation.id, 'missing-fields', describeIssues(created.issues));
	records.set(key, {
		id: key,
		space: mutation.space,
		type: mutation.type,
		author: participant,
		...patchState(created.output as Fields, hlc)
	});
	dirty.add(key);
	return applied;
}
