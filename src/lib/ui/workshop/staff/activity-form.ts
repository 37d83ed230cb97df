/**
 * The builder's form for one activity, and the fields it writes. Lists (categories, poll
 * choices, rating items) are edited as one line per entry and stored as the JSON option lists
 * the record schema checks; an entry keeps its id while its label is edited, so votes and
 * answers that name it stay attached.
 */
import {
	parseOptions,
	presetThemes,
	type ActivityFields,
	type ActivityKind,
	type Option,
	type ScaleKind,
	workshopLimits
} from '$lib/domain/records';

export interface ActivityDraft {
	kind: ActivityKind;
	prompt: string;
	categories: string;
	dots: number;
	maxPerItem: number;
	target: string;
	options: string;
	multiple: boolean;
	scale: number;
	scaleKind: ScaleKind;
}

/** Problems the form shows; each has its message among the builder errors. */
export type DraftProblem =
	| 'prompt'
	| 'dots'
	| 'maxPerItem'
	| 'target'
	| 'pollOptions'
	| 'ratingItems'
	| 'scale'
	| 'categories';

/** Preset themes are stored with label = id; the UI shows `themes.<id>` for them. */
export function presetCategories(): Option[] {
	return presetThemes.map((id) => ({ id, label: id }));
}

export function isPreset(option: Option): boolean {
	return option.label === option.id && (presetThemes as readonly string[]).includes(option.id);
}

function slug(label: string): string {
	const base = label
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 32);
	return base || 'item';
}

/**
 * One option per non-empty line. A line equal to an existing label (or a preset id) keeps that
 * option's id; new lines get an id from their text, made unique.
 */
export function optionsFromText(text: string, previous: readonly Option[] = []): Option[] {
	const used = new Set<string>();
	const out: Option[] = [];
	for (const raw of text.split('\n')) {
		const label = raw.trim().slice(0, 200);
		if (!label) continue;
		const known = previous.find((o) => o.label === label && !used.has(o.id));
		let id = known?.id ?? slug(label);
		for (let n = 2; used.has(id); n++) id = `${slug(label)}-${n}`;
		used.add(id);
		out.push({ id, label });
	}
	return out;
}

export function optionsToText(options: readonly Option[]): string {
	return options.map((o) => o.label).join('\n');
}

export function draftOf(fields: ActivityFields): ActivityDraft {
	const { kind, prompt, categories, dots, maxPerItem, target, options, multiple } = fields;
	const { scale, scaleKind } = fields;
	return {
		kind,
		prompt,
		categories,
		dots,
		maxPerItem,
		target,
		options,
		multiple,
		scale,
		scaleKind
	};
}

/** The checks the record schema cannot make alone (they depend on the kind). */
export function draftProblems(draft: ActivityDraft): DraftProblem[] {
	const problems: DraftProblem[] = [];
	const count = (json: string) => parseOptions(json)?.length ?? -1;
	const prompt = draft.prompt.trim().length;
	if (prompt < 1 || prompt > workshopLimits.prompt) problems.push('prompt');
	if (draft.kind === 'brainstorm' && count(draft.categories) < 0) problems.push('categories');
	if (draft.kind === 'dot-vote') {
		if (!(draft.dots >= 1 && draft.dots <= 20)) problems.push('dots');
		if (!(draft.maxPerItem >= 1 && draft.maxPerItem <= draft.dots)) problems.push('maxPerItem');
		if (!draft.target) problems.push('target');
	}
	if (draft.kind === 'poll' && count(draft.options) < 2) problems.push('pollOptions');
	if (draft.kind === 'rating') {
		if (count(draft.options) < 1) problems.push('ratingItems');
		if (!(draft.scale >= 2 && draft.scale <= 10)) problems.push('scale');
	}
	return [...new Set(problems)];
}

/** The fields a draft writes; settings of other kinds fall back to their neutral values. */
export function patchOf(draft: ActivityDraft): Partial<ActivityFields> {
	const is = (kind: ActivityKind) => draft.kind === kind;
	return {
		prompt: draft.prompt.trim(),
		categories: is('brainstorm') ? draft.categories : '[]',
		dots: is('dot-vote') ? draft.dots : 0,
		maxPerItem: is('dot-vote') ? draft.maxPerItem : 0,
		target: is('dot-vote') ? draft.target : '',
		options: is('poll') || is('rating') ? draft.options : '[]',
		multiple: is('poll') ? draft.multiple : false,
		scale: is('rating') ? draft.scale : 0,
		scaleKind: is('rating') ? draft.scaleKind : 'numeric'
	};
}

export interface Positioned {
	id: string;
	fields: { position: number };
}

/**
 * Moving an activity up or down swaps positions with its neighbour. Positions are renumbered
 * 0…n-1 first, so equal positions (two facilitators adding offline) still move predictably;
 * only activities whose position changes get a patch.
 */
export function reorder(
	activities: readonly Positioned[],
	index: number,
	step: -1 | 1
): { id: string; position: number }[] {
	const other = index + step;
	if (other < 0 || other >= activities.length) return [];
	const order = activities.map((a) => a.id);
	[order[index], order[other]] = [order[other]!, order[index]!];
	return order
		.map((id, position) => ({ id, position }))
		.filter(
			({ id, position }) => activities.find((a) => a.id === id)?.fields.position !== position
		);
}
