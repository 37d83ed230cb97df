/**
 * The results summary, computed from the records on this device (hidden notes left out by the
 * caller): themes ranked by votes, top notes, participation over time and languages used.
 */

export interface SummaryNote {
	id: string;
	author: string;
	fields: { text: string; category: string; cluster: string; language: string; createdAt: number };
}

/** Votes per note id, with a vote on a cluster counted for the cluster only. */
export type VotesByItem = ReadonlyMap<string, number>;

/** Votes per category: a note's votes count for its category ('' = none). */
export function categoryVotes(
	notes: readonly SummaryNote[],
	votes: VotesByItem
): Map<string, number> {
	const totals = new Map<string, number>();
	for (const note of notes) {
		const key = note.fields.category;
		totals.set(key, (totals.get(key) ?? 0) + (votes.get(note.id) ?? 0));
	}
	return totals;
}

/** The `limit` notes with most votes (ties: earliest first); notes without votes are left out. */
export function topNotes<N extends SummaryNote>(
	notes: readonly N[],
	votes: VotesByItem,
	limit = 10
) {
	return notes
		.map((note) => ({ note, votes: votes.get(note.id) ?? 0 }))
		.filter((entry) => entry.votes > 0)
		.sort((a, b) => b.votes - a.votes || a.note.fields.createdAt - b.note.fields.createdAt)
		.slice(0, limit);
}

export interface Bucket {
	start: number;
	notes: number;
	people: number;
}

/**
 * Notes and distinct authors per time slot (`slot` ms, 10 minutes by default) from the first
 * note to the last, empty slots included so the timeline is honest about pauses.
 */
export function participation(notes: readonly SummaryNote[], slot = 600_000): Bucket[] {
	if (notes.length === 0) return [];
	const times = notes.map((n) => n.fields.createdAt);
	const first = Math.floor(Math.min(...times) / slot) * slot;
	const count = Math.floor((Math.max(...times) - first) / slot) + 1;
	const buckets = Array.from({ length: Math.min(count, 500) }, (_, i) => ({
		start: first + i * slot,
		notes: 0,
		authors: new Set<string>()
	}));
	for (const note of notes) {
		const bucket = buckets[Math.floor((note.fields.createdAt - first) / slot)];
		if (!bucket) continue;
		bucket.notes += 1;
		bucket.authors.add(note.author);
	}
	return buckets.map(({ start, notes, authors }) => ({ start, notes, people: authors.size }));
}
