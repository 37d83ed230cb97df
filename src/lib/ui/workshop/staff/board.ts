/**
 * The live board's layout, computed from what the device holds: each note shown exactly once,
 * in the cluster at the end of its `mergedInto` chain (resolved by the domain's pure, cycle-safe
 * rule, passed in as `resolve`), so two facilitators who clustered offline see the same board.
 */

export interface BoardNote {
	id: string;
	hidden?: boolean;
	fields: { cluster: string; createdAt: number };
}

export interface BoardCluster {
	id: string;
	fields: { name: string; mergedInto: string };
}

export interface BoardGroup<N extends BoardNote, C extends BoardCluster> {
	/** null for the notes not (yet) in any cluster. */
	cluster: C | null;
	notes: N[];
}

/**
 * Groups visible notes by resolved cluster: unclustered notes first, then clusters by name.
 * A note whose cluster this device does not hold yet waits among the unclustered. Clusters
 * merged into another, and clusters left empty, are not shown.
 */
export function groupNotes<N extends BoardNote, C extends BoardCluster>(
	notes: readonly N[],
	clusters: readonly C[],
	resolve: (id: string) => string
): BoardGroup<N, C>[] {
	const byId = new Map(clusters.map((cluster) => [cluster.id, cluster]));
	const loose: N[] = [];
	const grouped = new Map<string, N[]>();
	const visible = notes.filter((note) => !note.hidden);
	for (const note of [...visible].sort(byCreation)) {
		const target = note.fields.cluster ? resolve(note.fields.cluster) : '';
		if (!target || !byId.has(target)) loose.push(note);
		else grouped.set(target, [...(grouped.get(target) ?? []), note]);
	}
	const groups = [...grouped].map(([id, members]) => ({ cluster: byId.get(id)!, notes: members }));
	groups.sort(
		(a, b) =>
			a.cluster.fields.name.localeCompare(b.cluster.fields.name) ||
			(a.cluster.id < b.cluster.id ? -1 : 1)
	);
	return [{ cluster: null, notes: loose }, ...groups];
}

function byCreation(a: BoardNote, b: BoardNote): number {
	return a.fields.createdAt - b.fields.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Clusters a cluster may be merged into: the others still standing on their own. */
export function mergeTargets<C extends BoardCluster>(
	cluster: C,
	clusters: readonly C[],
	resolve: (id: string) => string
): C[] {
	return clusters.filter(
		(other) =>
			other.id !== cluster.id &&
			resolve(other.id) === other.id &&
			resolve(other.id) !== resolve(cluster.id)
	);
}

/** Labels for voted items: a cluster by its name, a note by its text; unknown items by id. */
export function itemLabels(
	notes: readonly { id: string; fields: { text: string } }[],
	clusters: readonly BoardCluster[]
): Map<string, string> {
	const labels = new Map<string, string>();
	for (const note of notes) labels.set(note.id, note.fields.text);
	for (const cluster of clusters) labels.set(cluster.id, cluster.fields.name);
	return labels;
}

/** Where a dragged note was dropped: on a cluster's area (null: the unclustered notes), or on a note. */
export type DropTarget = { cluster: string | null } | { note: string };

/** What a drop does to the board: nothing, move one note, or make a cluster of two notes. */
export type DropAction =
	| { kind: 'none' }
	| { kind: 'move'; note: string; cluster: string }
	| { kind: 'new'; notes: [string, string] };

/**
 * The outcome of dropping note `dragged` on `target`, from the board as it is shown (`groups`,
 * clusters already resolved): on a cluster, the note moves into it ('' when dropped on the
 * unclustered notes); on a note in a cluster, into that note's cluster; on an unclustered
 * note, the two make a new cluster. A drop where the note already is, on itself, or of a note
 * the board does not show changes nothing.
 */
export function dropAction<N extends BoardNote, C extends BoardCluster>(
	dragged: string,
	target: DropTarget,
	groups: readonly BoardGroup<N, C>[]
): DropAction {
	const shownIn = new Map<string, string>();
	for (const group of groups)
		for (const note of group.notes) shownIn.set(note.id, group.cluster?.id ?? '');
	const from = shownIn.get(dragged);
	if (from === undefined) return { kind: 'none' };
	let into: string;
	if ('note' in target) {
		const at = shownIn.get(target.note);
		if (at === undefined || target.note === dragged) return { kind: 'none' };
		if (at === '') return { kind: 'new', notes: [target.note, dragged] };
		into = at;
	} else {
		into = target.cluster ?? '';
		if (into !== '' && !groups.some((group) => group.cluster?.id === into)) return { kind: 'none' };
	}
	return into === from ? { kind: 'none' } : { kind: 'move', note: dragged, cluster: into };
}
