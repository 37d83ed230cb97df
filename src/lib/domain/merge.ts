/**
 * Merge rule: per-field last-writer-wins by hybrid logical clock.
 *
 * Every field (and the `deleted` tombstone, which is just another field) carries the HLC of
 * the write that set it. Merging two states of one record keeps, field by field, the value
 * with the greater HLC; HLC strings end in the writer's node id, so equal clocks only occur
 * for the very same write and the result is a true join: commutative, associative and
 * idempotent. Client and hub run this same function.
 */

export type FieldValue = string | number | boolean | null;
export type Fields = Record<string, FieldValue>;

/** The replicated part of a record: values and the clock of each value. */
export interface RecordState {
	fields: Fields;
	clocks: Record<string, string>;
}

export function mergeStates(a: RecordState, b: RecordState): RecordState {
	const fields: Fields = {};
	const clocks: Record<string, string> = {};
	for (const key of new Set([...Object.keys(a.clocks), ...Object.keys(b.clocks)])) {
		const fromA = a.clocks[key];
		const fromB = b.clocks[key];
		const useB = fromA === undefined || (fromB !== undefined && fromB > fromA);
		const winner = useB ? b : a;
		clocks[key] = (useB ? fromB : fromA) as string;
		fields[key] = winner.fields[key] ?? null;
	}
	return { fields, clocks };
}

/** A patch written at one instant: every field it sets gets the same clock. */
export function patchState(patch: Fields, hlc: string): RecordState {
	const clocks: Record<string, string> = {};
	for (const key of Object.keys(patch)) clocks[key] = hlc;
	return { fields: { ...patch }, clocks };
}

/** Whether `incoming` changes anything in `current` (a replayed or older write does not). */
export function changes(current: RecordState, incoming: RecordState): boolean {
	return Object.entries(incoming.clocks).some(([key, hlc]) => {
		const existing = current.clocks[key];
		return existing === undefined || hlc > existing;
	});
}

/** The latest clock in a state: when the record last changed. */
export function latestClock(state: RecordState): string {
	return Object.values(state.clocks).reduce((max, hlc) => (hlc > max ? hlc : max), '');
}
