/**
 * Ranked bars for dot votes, polls and ratings: the same shape for the board and the results,
 * so the projector and the printed summary always agree on the order.
 */

export interface BarInput {
	id: string;
	label: string;
	value: number;
}

export interface Bar extends BarInput {
	/** Width relative to the largest value, 0–100. */
	percent: number;
	/** 1-based rank; equal values share a rank. */
	rank: number;
}

/**
 * Sorted by value (highest first), ties by label then id so two devices draw the same list;
 * `percent` is relative to the top value so the leader fills the width.
 */
export function rankBars(items: readonly BarInput[]): Bar[] {
	const sorted = [...items].sort(
		(a, b) =>
			b.value - a.value ||
			a.label.localeCompare(b.label) ||
			(a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
	);
	const top = Math.max(0, ...sorted.map((item) => item.value));
	let rank = 0;
	return sorted.map((item, i) => {
		if (i === 0 || sorted[i - 1]!.value !== item.value) rank = i + 1;
		const percent = top > 0 ? Math.round((Math.max(0, item.value) / top) * 100) : 0;
		return { ...item, percent, rank };
	});
}

/** A timer's remaining time as m:ss (h:mm:ss past an hour); 0:00 once it has run out. */
export function formatRemaining(endsAt: number | null, now: number): string {
	if (endsAt === null) return '';
	const total = Math.max(0, Math.ceil((endsAt - now) / 1000));
	const hours = Math.floor(total / 3600);
	const minutes = Math.floor((total % 3600) / 60);
	const seconds = String(total % 60).padStart(2, '0');
	if (hours > 0) return `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`;
	return `${minutes}:${seconds}`;
}
