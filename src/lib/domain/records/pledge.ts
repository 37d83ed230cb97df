/**
 * Pledge records (issue 6):
 *
 * - `pledge`: one person's commitment to one action in one space. Its id is
 *   `oncePerPersonId(space, pledgeTarget(action), participant)`, so a person pledges an action
 *   once per space from any number of devices; pledging it again after withdrawing reuses the
 *   record with a new period. `action` is a catalogue id or `local:<uuid>` of a local action.
 * - `checkIn`: "this week I did it / partly / not", one per pledge, period and week: its id is
 *   `oncePerPersonId(space, checkInTarget(pledge, startsOn, week), participant)`, so a second
 *   answer for the same week (from any device) replaces the first instead of counting twice.
 * - `pledgeAction`: a local action a facilitator adds for the space, with its own figure and
 *   source and its texts in the space's languages (JSON text `{ "<lang>": "<text>" }`).
 *
 * Rules that need stored state (the action exists, the level fits it, the week lies in the
 * period, the pledge is the author's own) live on the hub (server/sync/pledge.ts).
 */
import * as v from 'valibot';
import { isUuid } from '../ids';
import { LanguageSchema } from './idea';
import { levelUnits, overlapGroups, pledgeThemes } from '../pledge/catalogue';

export const pledgeStatuses = ['active', 'withdrawn', 'kept', 'not-kept'] as const;
export type PledgeStatus = (typeof pledgeStatuses)[number];

export const checkInResults = ['done', 'partly', 'not'] as const;
export type CheckInResult = (typeof checkInResults)[number];

export const pledgeLimits = {
	/** The longest pledge period, in days. */
	periodDays: 366,
	/** The default period, in months. */
	defaultMonths: 2,
	actionTitle: 140,
	actionText: 2000,
	source: 500,
	/** The largest local figure, tCO2e per person and year. */
	figure: 20,
	levelMax: 1000
} as const;

const Int = (min: number, max: number, what: string) =>
	v.pipe(
		v.number(`${what} is a number.`),
		v.integer(`${what} is a whole number.`),
		v.minValue(min, `${what} is at least ${min}.`),
		v.maxValue(max, `${what} is at most ${max}.`)
	);

const CreatedAtSchema = Int(0, Number.MAX_SAFE_INTEGER, 'The creation time');

/** isoDate checks the shape only; 2030-02-31 is not a day. */
export function isCalendarDate(value: string): boolean {
	const time = Date.parse(`${value}T00:00:00Z`);
	return Number.isFinite(time) && new Date(time).toISOString().startsWith(value);
}

const DaySchema = v.pipe(
	v.string('A day is text.'),
	v.isoDate('A day looks like 2027-05-01.'),
	v.check(isCalendarDate, 'That day does not exist.')
);

/** `local:<uuid>` names a local action record of the same space. */
export const localActionPrefix = 'local:';

export function localActionId(action: string): string | undefined {
	if (!action.startsWith(localActionPrefix)) return undefined;
	const id = action.slice(localActionPrefix.length);
	return isUuid(id) ? id.toLowerCase() : undefined;
}

const ActionRefSchema = v.pipe(
	v.string('An action is text.'),
	v.regex(
		/^(?:[a-z0-9-]{1,40}|local:[0-9a-fA-F-]{36})$/,
		'An action is a catalogue id or local:<id>.'
	)
);

/** Where a pledge came from: '' (the catalogue), `activity:<uuid>` or `mapIdea:<uuid>`. */
const OriginSchema = v.pipe(
	v.string('An origin is text.'),
	v.check(
		(text) => text === '' || parseOrigin(text) !== undefined,
		'An origin is empty, activity:<id> or mapIdea:<id>.'
	)
);

export type PledgeOrigin = { type: 'activity' | 'mapIdea'; id: string };

export function parseOrigin(text: string): PledgeOrigin | undefined {
	const match = /^(activity|mapIdea):(.+)$/.exec(text);
	if (!match || !isUuid(match[2]!)) return undefined;
	return { type: match[1] as PledgeOrigin['type'], id: match[2]!.toLowerCase() };
}

export const PledgeFieldsSchema = v.strictObject({
	action: ActionRefSchema,
	level: v.pipe(
		v.number('A level is a number.'),
		v.finite('A level is a number.'),
		v.minValue(0, 'A level cannot be negative.'),
		v.maxValue(pledgeLimits.levelMax, `A level is at most ${pledgeLimits.levelMax}.`)
	),
	startsOn: DaySchema,
	endsOn: DaySchema,
	status: v.picklist(pledgeStatuses, 'A pledge is active, withdrawn, kept or not kept.'),
	origin: OriginSchema,
	language: LanguageSchema,
	createdAt: CreatedAtSchema
});
export type PledgeFields = v.InferOutput<typeof PledgeFieldsSchema>;
export const PledgePatchSchema = v.partial(PledgeFieldsSchema);

/**
 * What is wrong with a pledge's period, or undefined. A patch cannot be checked on its own,
 * so the hub and the store check the merged record.
 */
export function pledgePeriodProblem(startsOn: string, endsOn: string): string | undefined {
	const days = periodDays(startsOn, endsOn);
	if (!(days >= 1)) return 'endsOn: A pledge ends after it starts.';
	if (days > pledgeLimits.periodDays)
		return `endsOn: A pledge lasts at most ${pledgeLimits.periodDays} days.`;
	return undefined;
}

/** Days from `startsOn` to `endsOn` (YYYY-MM-DD). */
export function periodDays(startsOn: string, endsOn: string): number {
	return Math.round(
		(Date.parse(`${endsOn}T00:00:00Z`) - Date.parse(`${startsOn}T00:00:00Z`)) / 86_400_000
	);
}

export function pledgeTarget(action: string): string {
	return `pledge:${action.toLowerCase()}`;
}

export function checkInTarget(pledge: string, startsOn: string, week: number): string {
	return `checkin:${pledge.toLowerCase()}:${startsOn}:${week}`;
}

export const CheckInFieldsSchema = v.strictObject({
	pledge: v.pipe(v.string('An id is text.'), v.check(isUuid, 'An id is a UUID.'), v.toLowerCase()),
	/** The period the check-in belongs to: the pledge's `startsOn` when it was made. */
	startsOn: DaySchema,
	/** 1 for the pledge's first seven days. */
	week: Int(1, 53, 'A week'),
	result: v.picklist(checkInResults, 'A check-in is done, partly or not.'),
	createdAt: CreatedAtSchema
});
export type CheckInFields = v.InferOutput<typeof CheckInFieldsSchema>;
export const CheckInPatchSchema = v.partial(CheckInFieldsSchema);

/** JSON text `{ "<lang>": "<text>" }` with at least one non-empty text. */
export function parseLocalText(text: string, max: number): Record<string, string> | undefined {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return undefined;
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
	const entries = Object.entries(value);
	if (entries.length === 0 || entries.length > 28) return undefined;
	for (const [language, item] of entries)
		if (!v.is(LanguageSchema, language) || typeof item !== 'string' || item.length > max)
			return undefined;
	return entries.some(([, item]) => (item as string).trim() !== '')
		? (value as Record<string, string>)
		: undefined;
}

const LevelNumber = (what: string, min: number) =>
	v.pipe(
		v.number(`${what} is a number.`),
		v.finite(`${what} is a number.`),
		v.minValue(min, `${what} is at least ${min}.`),
		v.maxValue(pledgeLimits.levelMax, `${what} is at most ${pledgeLimits.levelMax}.`)
	);

const LocalText = (max: number, what: string) =>
	v.pipe(
		v.string(`${what} is JSON text.`),
		v.check(
			(text) => parseLocalText(text, max) !== undefined,
			`${what} is {"<language>": "<text>"} with at least one text of at most ${max} characters.`
		)
	);

export const PledgeActionFieldsSchema = v.strictObject({
	theme: v.picklist(pledgeThemes, 'Pick one of the themes.'),
	title: LocalText(pledgeLimits.actionTitle, 'A title'),
	description: LocalText(pledgeLimits.actionText, 'A description'),
	/** What the person commits to, e.g. "days a week I share my car". */
	commitment: LocalText(pledgeLimits.actionTitle, 'A commitment'),
	figure: v.pipe(
		v.number('A figure is a number.'),
		v.finite('A figure is a number.'),
		v.minValue(0, 'A figure cannot be negative.'),
		v.maxValue(pledgeLimits.figure, `A figure is at most ${pledgeLimits.figure} tCO2e a year.`)
	),
	source: v.pipe(
		v.string('A source is text.'),
		v.trim(),
		v.nonEmpty('Name the source of the figure.'),
		v.maxLength(pledgeLimits.source, `A source has at most ${pledgeLimits.source} characters.`)
	),
	unit: v.picklist(levelUnits, 'Pick one of the units.'),
	levelMin: LevelNumber('The lowest level', 0),
	levelMax: LevelNumber('The highest level', 0),
	levelStep: LevelNumber('A level step', 0.01),
	levelReference: LevelNumber('The reference level', 0.01),
	overlap: v.union([v.literal(''), v.picklist(overlapGroups)], 'Pick one of the overlap groups.'),
	createdAt: CreatedAtSchema
});
export type PledgeActionFields = v.InferOutput<typeof PledgeActionFieldsSchema>;
export const PledgeActionPatchSchema = v.partial(PledgeActionFieldsSchema);

/** What is wrong with a local action's level scale (checked on the merged record), or undefined. */
export function levelScaleProblem(
	f: Pick<PledgeActionFields, 'levelMin' | 'levelMax'>
): string | undefined {
	return f.levelMin <= f.levelMax
		? undefined
		: 'levelMax: The highest level is at least the lowest.';
}
