/**
 * A participant's pledge writes (issue 6) over the generic write path (write.ts).
 *
 * - A pledge is a once-per-person record per action (`pledgeTarget`): pledging an action again
 *   (after withdrawing, or once it ended) rewrites that record as active with a new period.
 * - A check-in is a once-per-person record per pledge, period and week (`checkInTarget`): a
 *   second answer for the same week replaces the first, on any device.
 * - Input is checked here with the domain rules the hub applies too (the action exists in the
 *   catalogue — of the campaign's themes in a pledge campaign — or as a live local action of
 *   the space, the level fits its scale, the period is valid, an origin is a live activity or
 *   map idea of the space, the week lies in the period and has begun); bad input writes
 *   nothing and throws a
 *   PlazaError whose message says what to change. The hub still has the last word.
 */
import type { PublicSpaceView } from '$lib/domain/auth';
import { catalogueAction, isValidLevel, type LevelScale } from '$lib/domain/pledge/catalogue';
import { localActionScale } from '$lib/domain/pledge/local-action';
import { addMonths, localDay, weekCount, weekOf } from '$lib/domain/pledge/progress';
import { PlazaError } from '$lib/domain/errors';
import { oncePerPersonId } from '$lib/domain/ids';
import type { Fields } from '$lib/domain/merge';
import {
	checkInTarget,
	localActionId,
	parseOrigin,
	pledgeLimits,
	pledgePeriodProblem,
	pledgeTarget,
	type CheckInResult,
	type PledgeActionFields,
	type PledgeFields
} from '$lib/domain/records';
import { getDb, type LocalRecord, type PlazaDb } from './db';
import { getMeta, metaKeys } from './meta';
import { putOncePerPerson, updateRecord } from './write';

/** What a person chooses for a pledge; the store adds the period's start and the time. */
export interface PledgeInput {
	/** A catalogue id or `local:<id>`. */
	action: string;
	level: number;
	/** The period in calendar months (default 2) … */
	months?: number;
	/** … or its last day (YYYY-MM-DD), e.g. for two weeks. */
	endsOn?: string;
	/** '' (the catalogue), `activity:<id>` or `mapIdea:<id>`. */
	origin?: string;
	language: string;
}

const invalid = (message: string) => new PlazaError('invalid-record', message);

/**
 * The level scale of `action` in `space`, read inside the write's transaction. A pledge
 * campaign offers only its themes of the catalogue (as far as this device knows the campaign).
 */
async function actionScale(db: PlazaDb, space: string, action: string): Promise<LevelScale> {
	const known = catalogueAction(action);
	if (known) {
		const info = await getMeta<PublicSpaceView>(db, metaKeys.spaceInfo(space));
		if (info?.pledge && !info.pledge.themes.includes(known.theme))
			throw invalid('This campaign offers actions of other themes.');
		return known.level;
	}
	const id = localActionId(action);
	const record = id ? await db.records.get(id) : undefined;
	if (!record || record.deleted || record.type !== 'pledgeAction' || record.space !== space)
		throw invalid('This action is not offered here.');
	return localActionScale(record.fields as unknown as PledgeActionFields);
}

/** A pledge's origin must be a live activity or map idea of the same space on this device. */
async function checkOrigin(db: PlazaDb, space: string, origin: string): Promise<void> {
	if (origin === '') return;
	const parsed = parseOrigin(origin);
	const record = parsed ? await db.records.get(parsed.id) : undefined;
	if (!record || record.deleted || record.type !== parsed?.type || record.space !== space)
		throw invalid('This pledge can only come from an activity or a map idea of this space.');
}

function periodEnd(startsOn: string, input: PledgeInput): string {
	if (input.endsOn !== undefined) return input.endsOn;
	const months = input.months ?? pledgeLimits.defaultMonths;
	if (!Number.isInteger(months) || months < 1)
		throw invalid('A period is a whole number of months.');
	return addMonths(startsOn, months);
}

/**
 * Pledge an action in a space from today; returns the pledge's id (the same for this action on
 * every device of the person). A pledge of the same action that exists already, withdrawn or
 * not, becomes active again with the new level and period.
 */
export async function makePledge(space: string, input: PledgeInput): Promise<string> {
	const startsOn = localDay(Date.now());
	const endsOn = periodEnd(startsOn, input);
	const fields: Fields = {
		action: input.action,
		level: input.level,
		startsOn,
		endsOn,
		status: 'active',
		origin: input.origin ?? '',
		language: input.language,
		createdAt: Date.now()
	};
	const problem = pledgePeriodProblem(startsOn, endsOn);
	if (problem) throw invalid(problem.replace(/^endsOn: /, ''));
	return putOncePerPerson('pledge', space, pledgeTarget(input.action), fields, async (db) => {
		await checkOrigin(db, space, String(fields.origin));
		const scale = await actionScale(db, space, input.action);
		if (!isValidLevel(input.level, scale))
			throw invalid(`Pick a level from ${scale.min} to ${scale.max} in steps of ${scale.step}.`);
	});
}

/** A live pledge record of this device, or a `not-found` error. */
async function livePledge(
	db: PlazaDb,
	id: string
): Promise<LocalRecord & { fields: PledgeFields }> {
	const record = await db.records.get(id);
	if (!record || record.deleted || record.type !== 'pledge')
		throw new PlazaError('not-found', 'This pledge is not on this device.', 404);
	return record as LocalRecord & { fields: PledgeFields };
}

function checkActive(fields: PledgeFields): void {
	if (fields.status !== 'active') throw invalid('This pledge is no longer active.');
}

/**
 * Answer "this week I did it / partly / not" for `week` (1-based) of the pledge's current
 * period; returns the check-in's id. A second answer for the week replaces the first. Weeks
 * that have not begun are refused; earlier weeks may be caught up while the pledge is active.
 */
export async function checkIn(
	space: string,
	pledgeId: string,
	week: number,
	result: CheckInResult
): Promise<string> {
	const pledge = await livePledge(getDb(), pledgeId);
	const { startsOn, endsOn } = pledge.fields;
	if (!Number.isInteger(week) || week < 1 || week > weekCount(startsOn, endsOn))
		throw invalid('That week is not part of this pledge.');
	if (week > weekOf(startsOn, localDay(Date.now()))) throw invalid('That week has not begun yet.');
	const fields: Fields = { pledge: pledgeId, startsOn, week, result, createdAt: Date.now() };
	const target = checkInTarget(pledgeId, startsOn, week);
	return putOncePerPerson('checkIn', space, target, fields, async (db, _id, participant) => {
		const current = await livePledge(db, pledgeId);
		const own = oncePerPersonId(space, pledgeTarget(current.fields.action), participant);
		if (current.space !== space || own !== pledgeId)
			throw new PlazaError('not-found', 'This pledge is not yours.', 404);
		if (current.fields.startsOn !== startsOn) throw invalid('This pledge has a new period.');
		checkActive(current.fields);
	});
}

/** Withdraw an active pledge (at any time); it stops counting towards every total. */
export async function withdrawPledge(pledgeId: string): Promise<void> {
	checkActive((await livePledge(getDb(), pledgeId)).fields);
	await updateRecord(pledgeId, { status: 'withdrawn' });
}

/** Say whether an active pledge whose period is over was kept. */
export async function finishPledge(pledgeId: string, kept: boolean): Promise<void> {
	const { fields } = await livePledge(getDb(), pledgeId);
	checkActive(fields);
	if (localDay(Date.now()) < fields.endsOn)
		throw invalid('This pledge has not ended yet: withdraw it instead.');
	await updateRecord(pledgeId, { status: kept ? 'kept' : 'not-kept' });
}
