/**
 * Workshop records: activities, notes, clusters, votes and answers. Field values stay scalars
 * so every field merges on its own (last writer wins); lists are JSON strings this schema
 * validates. Cross-record rules (the activity is open, of the right kind, the vote budget) need
 * the stored state and live on the hub (server/workshop/rules.ts).
 */
import * as v from 'valibot';
import { isUuid } from '../ids';
import { activityTextLimits, TranslationsTextSchema } from '../translations';
import { ideaCategories, LanguageSchema } from './idea';

export const activityKinds = ['brainstorm', 'dot-vote', 'poll', 'rating', 'open-question'] as const;
export type ActivityKind = (typeof activityKinds)[number];

export const activityStatuses = ['draft', 'open', 'closed'] as const;
export type ActivityStatus = (typeof activityStatuses)[number];

/** The Cities Mission themes offered as ready-made brainstorm categories. */
export const presetThemes = ideaCategories;

export const scaleKinds = ['numeric', 'agreement'] as const;
export type ScaleKind = (typeof scaleKinds)[number];

/** Limits shared by the schemas, the hub and the UI. */
export const workshopLimits = {
	options: 30,
	dots: 20,
	scaleMin: 2,
	scaleMax: 10,
	prompt: 500,
	note: 500,
	clusterName: 100,
	answer: 2000
} as const;

export interface Option {
	id: string;
	label: string;
}

const OptionSchema = v.strictObject({
	id: v.pipe(v.string(), v.minLength(1), v.maxLength(40)),
	label: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200))
});

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

/** The options in a JSON options field, or undefined when it is not a valid list. */
export function parseOptions(text: string): Option[] | undefined {
	const parsed = v.safeParse(v.array(OptionSchema), parseJson(text));
	if (!parsed.success || parsed.output.length > workshopLimits.options) return undefined;
	const ids = new Set(parsed.output.map((o) => o.id));
	return ids.size === parsed.output.length ? parsed.output : undefined;
}

/** A JSON array of `{id, label}`, at most 30, ids unique. */
export const OptionsSchema = v.pipe(
	v.string('A list of options is JSON text.'),
	v.check(
		(text) => parseOptions(text) !== undefined,
		`Options are a JSON list of at most ${workshopLimits.options} {id, label} with unique ids.`
	)
);

const Int = (min: number, max: number, what: string) =>
	v.pipe(
		v.number(`${what} is a number.`),
		v.integer(`${what} is a whole number.`),
		v.minValue(min, `${what} is at least ${min}.`),
		v.maxValue(max, `${what} is at most ${max}.`)
	);

const Text = (min: number, max: number, what: string) =>
	v.pipe(
		v.string(`${what} is text.`),
		v.trim(),
		v.minLength(min, min === 1 ? `${what} cannot be empty.` : `${what} is too short.`),
		v.maxLength(max, `${what} has at most ${max} characters.`)
	);

const RecordIdSchema = v.pipe(
	v.string('An id is text.'),
	v.check(isUuid, 'An id is a UUID.'),
	v.toLowerCase()
);
/** A record id or '' for "none". */
const OptionalIdSchema = v.union([v.literal(''), RecordIdSchema], 'An id is a UUID or empty.');

const CreatedAtSchema = Int(0, Number.MAX_SAFE_INTEGER, 'The creation time');

export const ActivityFieldsSchema = v.strictObject({
	kind: v.picklist(activityKinds, 'Pick one of the activity kinds.'),
	prompt: Text(1, workshopLimits.prompt, 'The prompt'),
	position: Int(0, 100_000, 'The position'),
	status: v.picklist(activityStatuses, 'An activity is draft, open or closed.'),
	categories: OptionsSchema,
	/** 0 for kinds other than dot-vote. */
	dots: Int(0, workshopLimits.dots, 'The number of dots'),
	maxPerItem: Int(0, workshopLimits.dots, 'The dots per item'),
	target: OptionalIdSchema,
	options: OptionsSchema,
	multiple: v.boolean('Multiple choice is true or false.'),
	/** 0 for kinds other than rating. */
	scale: v.union([
		v.literal(0),
		Int(workshopLimits.scaleMin, workshopLimits.scaleMax, 'The scale')
	]),
	scaleKind: v.picklist(scaleKinds, 'A scale is numeric or agreement.'),
	timerEndsAt: v.nullable(Int(0, Number.MAX_SAFE_INTEGER, 'The timer end')),
	createdAt: CreatedAtSchema,
	/**
	 * The prompt, choices and categories in other languages (`domain/translations.ts`), JSON text.
	 * Optional: activities written before it existed have none.
	 */
	translations: v.optional(TranslationsTextSchema(activityTextLimits))
});
export type ActivityFields = v.InferOutput<typeof ActivityFieldsSchema>;
export const ActivityPatchSchema = v.partial(ActivityFieldsSchema);

export const NoteFieldsSchema = v.strictObject({
	activity: RecordIdSchema,
	text: Text(1, workshopLimits.note, 'A note'),
	category: v.pipe(v.string('A category is text.'), v.maxLength(40, 'Unknown category.')),
	cluster: OptionalIdSchema,
	language: LanguageSchema,
	authorName: v.pipe(
		v.string('A display name is text.'),
		v.trim(),
		v.maxLength(60, 'A display name has at most 60 characters.')
	),
	createdAt: CreatedAtSchema
});
export type NoteFields = v.InferOutput<typeof NoteFieldsSchema>;
export const NotePatchSchema = v.partial(NoteFieldsSchema);

export const ClusterFieldsSchema = v.strictObject({
	activity: RecordIdSchema,
	name: Text(1, workshopLimits.clusterName, 'A cluster name'),
	mergedInto: OptionalIdSchema
});
export type ClusterFields = v.InferOutput<typeof ClusterFieldsSchema>;
export const ClusterPatchSchema = v.partial(ClusterFieldsSchema);

export const VoteFieldsSchema = v.strictObject({
	activity: RecordIdSchema,
	item: RecordIdSchema,
	count: Int(0, workshopLimits.dots, 'A vote count')
});
export type VoteFields = v.InferOutput<typeof VoteFieldsSchema>;
export const VotePatchSchema = v.partial(VoteFieldsSchema);

export const AnswerFieldsSchema = v.strictObject({
	activity: RecordIdSchema,
	value: v.pipe(
		v.string('An answer is text.'),
		v.maxLength(workshopLimits.answer, `An answer has at most ${workshopLimits.answer} characters.`)
	)
});
export type AnswerFields = v.InferOutput<typeof AnswerFieldsSchema>;
export const AnswerPatchSchema = v.partial(AnswerFieldsSchema);

/** Record types only staff create or change. */
export const staffOnlyTypes: readonly string[] = ['activity', 'cluster', 'photo', 'pledgeAction'];

/** Fields of participant-writable types that only staff may set. */
export const staffOnlyFields: Readonly<Record<string, readonly string[]>> = { note: ['cluster'] };

/** The kind of activity each participant record type belongs to. */
export const activityKindFor: Readonly<Record<string, readonly ActivityKind[]>> = {
	note: ['brainstorm'],
	vote: ['dot-vote'],
	answer: ['poll', 'rating', 'open-question']
};

/** The target of a once-per-person vote id: one vote record per item. */
export function voteTarget(activity: string, item: string): string {
	return `${activity}:${item}`;
}

/** Defaults for every activity field, so a creation carries all of them. */
export function activityDefaults(
	kind: ActivityKind,
	prompt: string,
	position: number,
	now: number
): ActivityFields {
	return {
		kind,
		prompt,
		position,
		status: 'draft',
		categories: '[]',
		dots: kind === 'dot-vote' ? 5 : 0,
		maxPerItem: kind === 'dot-vote' ? 3 : 0,
		target: '',
		options: '[]',
		multiple: false,
		scale: kind === 'rating' ? 5 : 0,
		scaleKind: 'numeric',
		timerEndsAt: null,
		createdAt: now,
		translations: '{}'
	};
}
