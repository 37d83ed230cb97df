/**
 * Workshop aggregates: computed from the records, never stored, so every device and the hub's
 * export show the same numbers. Pure functions over plain field objects; callers pass only
 * live records (not deleted, not hidden).
 *
 * Clusters merge by pointing `mergedInto` at another cluster; a note belongs to the cluster at
 * the end of that chain. Two facilitators merging offline can build a cycle (A→B on one device,
 * B→A on the other); a cycle resolves to its smallest id, so every device draws the same board.
 */
import { parseOptions, type ActivityFields, type Option } from './records/workshop';

export interface ClusterLink {
	id: string;
	mergedInto: string;
}

/**
 * A resolver for many look-ups over one set of clusters. An id that is not among `clusters`
 * (deleted, or not synced yet) is no cluster: ''. A chain stops at its last known cluster.
 */
export function clusterResolver(clusters: Iterable<ClusterLink>): (id: string) => string {
	const next = new Map<string, string>();
	for (const cluster of clusters) next.set(cluster.id, cluster.mergedInto);
	return (id) => {
		if (!next.has(id)) return '';
		const seen: string[] = [];
		let current = id;
		while (true) {
			const at = seen.indexOf(current);
			if (at >= 0) return seen.slice(at).reduce((a, b) => (b < a ? b : a));
			seen.push(current);
			const target = next.get(current) ?? '';
			if (!target || !next.has(target)) return current;
			current = target;
		}
	};
}

/** The cluster a note in cluster `id` shows in; '' for none. */
export function resolveCluster(id: string, clusters: Iterable<ClusterLink>): string {
	return clusterResolver(clusters)(id);
}

export interface VoteLike {
	item: string;
	count: number;
}

export interface TallyEntry {
	item: string;
	votes: number;
}

/**
 * Votes per item, most first (ties by id, so the order is stable). `resolve` maps an item to
 * what it counts for, e.g. a merged cluster to the cluster it was merged into.
 */
export function tally(votes: Iterable<VoteLike>, resolve?: (item: string) => string): TallyEntry[] {
	const totals = new Map<string, number>();
	for (const vote of votes) {
		const item = resolve?.(vote.item) || vote.item;
		totals.set(item, (totals.get(item) ?? 0) + vote.count);
	}
	return [...totals]
		.filter(([, votes]) => votes > 0)
		.map(([item, votes]) => ({ item, votes }))
		.sort((a, b) => b.votes - a.votes || (a.item < b.item ? -1 : 1));
}

type DotRules = Pick<ActivityFields, 'dots' | 'maxPerItem'>;

/** Dots a participant still has, given their votes in the activity. */
export function dotsLeft(myVotes: Iterable<VoteLike>, activity: DotRules): number {
	let used = 0;
	for (const vote of myVotes) used += vote.count;
	return Math.max(0, activity.dots - used);
}

/**
 * Why a participant's votes break the activity's rules, or undefined when they fit: the
 * total is at most `dots` and no item has more than `maxPerItem`. Shared by the hub (inside
 * the push transaction) and the phone (to disable "+").
 */
export function budgetProblem(myVotes: Iterable<VoteLike>, activity: DotRules): string | undefined {
	let used = 0;
	for (const vote of myVotes) {
		if (vote.count > activity.maxPerItem) return `At most ${activity.maxPerItem} dots on one item.`;
		used += vote.count;
	}
	return used > activity.dots ? `You have ${activity.dots} dots in all.` : undefined;
}

type AnswerActivity = Pick<ActivityFields, 'kind' | 'options' | 'multiple' | 'scale'>;

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

/** The option ids a poll answer chose, or undefined when it is not a valid answer. */
export function pollChoice(value: string, activity: AnswerActivity): string[] | undefined {
	const chosen = parseJson(value);
	if (!Array.isArray(chosen) || !chosen.every((id) => typeof id === 'string')) return undefined;
	const ids = new Set((parseOptions(activity.options) ?? []).map((o) => o.id));
	if (new Set(chosen).size !== chosen.length || !chosen.every((id) => ids.has(id)))
		return undefined;
	if (activity.multiple ? chosen.length < 1 : chosen.length !== 1) return undefined;
	return chosen as string[];
}

/** Item id → score of a rating answer, or undefined when it is not a valid answer. */
export function ratingScores(
	value: string,
	activity: AnswerActivity
): Record<string, number> | undefined {
	const scores = parseJson(value);
	if (!scores || typeof scores !== 'object' || Array.isArray(scores)) return undefined;
	const ids = new Set((parseOptions(activity.options) ?? []).map((o) => o.id));
	const entries = Object.entries(scores as Record<string, unknown>);
	if (entries.length === 0) return undefined;
	const valid = entries.every(
		([id, score]) =>
			ids.has(id) &&
			typeof score === 'number' &&
			Number.isInteger(score) &&
			score >= 1 &&
			score <= activity.scale
	);
	return valid ? (scores as Record<string, number>) : undefined;
}

/** Why an answer does not fit its activity, or undefined when it does. */
export function answerProblem(value: string, activity: AnswerActivity): string | undefined {
	switch (activity.kind) {
		case 'poll':
			if (pollChoice(value, activity)) return undefined;
			return activity.multiple
				? 'Choose one or more of the listed options.'
				: 'Choose exactly one of the listed options.';
		case 'rating':
			if (ratingScores(value, activity)) return undefined;
			return `Rate listed items with a whole number from 1 to ${activity.scale}.`;
		case 'open-question':
			return value.trim() ? undefined : 'Write an answer.';
		default:
			return 'This activity takes no answers.';
	}
}

export interface PollResult {
	option: Option;
	count: number;
	/** count / respondents, 0 when nobody answered. */
	share: number;
}

export interface PollResults {
	respondents: number;
	options: PollResult[];
}

/** How often each option was chosen, most first; invalid answers do not count. */
export function pollResults(
	answers: Iterable<{ value: string }>,
	activity: AnswerActivity
): PollResults {
	const options = parseOptions(activity.options) ?? [];
	const counts = new Map(options.map((o) => [o.id, 0]));
	let respondents = 0;
	for (const answer of answers) {
		const chosen = pollChoice(answer.value, activity);
		if (!chosen) continue;
		respondents += 1;
		for (const id of chosen) counts.set(id, (counts.get(id) ?? 0) + 1);
	}
	const results = options.map((option) => {
		const count = counts.get(option.id) ?? 0;
		return { option, count, share: respondents ? count / respondents : 0 };
	});
	return { respondents, options: stableRank(results, (r) => r.count) };
}

export interface RatingResult {
	option: Option;
	count: number;
	/** Mean score, 0 when nobody rated it. */
	mean: number;
	/** How many gave each score: index 0 is score 1. */
	distribution: number[];
}

/** Per rated item: how many rated it, the mean and the spread; best mean first. */
export function ratingResults(
	answers: Iterable<{ value: string }>,
	activity: AnswerActivity
): RatingResult[] {
	const options = parseOptions(activity.options) ?? [];
	const spread = new Map(options.map((o) => [o.id, Array<number>(activity.scale).fill(0)]));
	for (const answer of answers) {
		const scores = ratingScores(answer.value, activity);
		for (const [id, score] of Object.entries(scores ?? {})) spread.get(id)![score - 1]! += 1;
	}
	const results = options.map((option) => {
		const distribution = spread.get(option.id)!;
		const count = distribution.reduce((a, b) => a + b, 0);
		const sum = distribution.reduce((a, n, i) => a + n * (i + 1), 0);
		return { option, count, mean: count ? sum / count : 0, distribution };
	});
	return stableRank(results, (r) => r.mean);
}

/** Sorted by `key` descending; equal keys keep their given order. */
function stableRank<T>(list: T[], key: (item: T) => number): T[] {
	return list
		.map((item, index) => ({ item, index }))
		.sort((a, b) => key(b.item) - key(a.item) || a.index - b.index)
		.map(({ item }) => item);
}
