/**
 * Pledge rules a push enforces beyond the record schemas (issue 6), checked on the merged state
 * of each pledge, check-in and local action inside the push transaction. Pledges live in spaces
 * of every kind. Every refusal is `invalid-record` with a message that names the field.
 *
 * - a pledge carries `oncePerPersonId(space, pledgeTarget(action), author)`, so one person has
 *   one pledge per action and space whatever the device; withdrawing and deleting are allowed;
 * - its action is a catalogue action (in a pledge campaign: of one of the campaign's themes) or
 *   `local:<id>` of a live local action of the same space, and its level fits that action's
 *   scale; its period passes `pledgePeriodProblem`; a non-empty origin is a live activity or
 *   map idea of the same space; it is marked kept or not kept only once its period ends;
 * - a check-in carries `oncePerPersonId(space, checkInTarget(pledge, startsOn, week), author)`,
 *   so a second answer for a week (from any device) replaces the first; it belongs to a live
 *   pledge of the same author and space, to the pledge's current period, and to a week of that
 *   period that has begun;
 * - a local action's level scale is sound (`levelScaleProblem`); only staff write them (policy).
 * Fields are checked when the mutation changes them, so a later change (a local action hidden,
 * a campaign's themes narrowed) does not lock people out of withdrawing or checking in.
 * "Today" is the hub's UTC day, and a day of slack either way allows for the person's time zone.
 * A refused mutation is rolled back by the caller; the rest of the batch still applies.
 */
import { catalogueAction, isValidLevel, type LevelScale } from '$lib/domain/pledge/catalogue';
import type { PledgeCampaign } from '$lib/domain/pledge/campaign';
import { localActionScale } from '$lib/domain/pledge/local-action';
import { addDays, weekCount } from '$lib/domain/pledge/progress';
import type { MutationResult } from '$lib/domain/protocol';
import {
	checkInTarget,
	levelScaleProblem,
	localActionId,
	parseOrigin,
	pledgePeriodProblem,
	pledgeTarget,
	type PledgeActionFields
} from '$lib/domain/records/pledge';
import type { Queryable } from '../db/client';
import { rejected, type StoredRecord } from './apply';
import { isOncePerPerson, RecordLookup, type Stored } from './lookup';
import type { PushRules } from './map';
import type { RuleInput } from './workshop';

type Refusal = MutationResult | undefined;

const refuse = (id: string, message: string) => rejected(id, 'invalid-record', message);
const changed = (patch: RuleInput['patch'], ...keys: string[]) =>
	keys.some((key) => Object.hasOwn(patch, key));

export class PledgeRules implements PushRules {
	private readonly campaigns = new Map<string, PledgeCampaign | null>();
	private readonly lookup: RecordLookup;
	/** The hub's UTC calendar day. */
	private readonly today: string;

	/**
	 * `records`: the batch's records by lower-case id, as push.ts keeps them up to date;
	 * `now`: the hub's clock (ms).
	 */
	constructor(
		private readonly tx: Queryable,
		records: Map<string, Stored>,
		now: number
	) {
		this.lookup = new RecordLookup(tx, records);
		this.today = new Date(now).toISOString().slice(0, 10);
	}

	async check(input: RuleInput): Promise<Refusal> {
		switch (input.after.type) {
			case 'pledge':
				return this.checkPledge(input);
			case 'checkIn':
				return this.checkCheckIn(input);
			case 'pledgeAction':
				return this.checkAction(input);
			default:
				return undefined;
		}
	}

	/** A pledge campaign's settings; null for every other kind of space. Read once per push. */
	private async campaign(space: string): Promise<PledgeCampaign | null> {
		let found = this.campaigns.get(space);
		if (found === undefined) {
			const [row] = await this.tx.query<{ pledge: PledgeCampaign | null }>(
				"SELECT pledge_settings AS pledge FROM spaces WHERE id = $1 AND kind = 'pledge'",
				[space]
			);
			found = row?.pledge ?? null;
			this.campaigns.set(space, found);
		}
		return found;
	}

	private async checkPledge({ after, patch }: RuleInput): Promise<Refusal> {
		const f = after.fields;
		const action = String(f.action);
		if (!isOncePerPerson(after, pledgeTarget(action)))
			return refuse(
				after.id,
				'id: This id is not the once-per-person id of this person and action.'
			);
		if (f.deleted === true) return undefined;
		if (changed(patch, 'action', 'level')) {
			const problem = await this.actionProblem(after, changed(patch, 'action'));
			if (problem) return refuse(after.id, problem);
		}
		if (changed(patch, 'startsOn', 'endsOn')) {
			const problem = pledgePeriodProblem(String(f.startsOn), String(f.endsOn));
			if (problem) return refuse(after.id, problem);
		}
		if (changed(patch, 'origin') && f.origin !== '') {
			const origin = parseOrigin(String(f.origin));
			if (!origin || !(await this.lookup.live(after.space, origin.type, origin.id)))
				return refuse(after.id, 'origin: Pledge from an activity or a map idea of this space.');
		}
		const kept = f.status === 'kept' || f.status === 'not-kept';
		if (kept && changed(patch, 'status', 'endsOn') && this.today < addDays(String(f.endsOn), -1))
			return refuse(
				after.id,
				'status: You can say whether you kept a pledge when its period ends.'
			);
		return undefined;
	}

	/**
	 * What is wrong with the pledge's action and level, or undefined. A campaign's themes are
	 * checked only when the action is new, so narrowing them later leaves old pledges editable.
	 */
	private async actionProblem(
		{ space, fields }: StoredRecord,
		newAction: boolean
	): Promise<string | undefined> {
		const action = String(fields.action);
		let scale: LevelScale;
		const local = localActionId(action);
		if (local !== undefined) {
			const record = await this.lookup.live(space, 'pledgeAction', local);
			if (!record) return 'action: Pick an action of the catalogue or of this space.';
			scale = localActionScale(record.fields as unknown as PledgeActionFields);
		} else {
			const found = catalogueAction(action);
			if (!found) return 'action: Pick an action of the catalogue or of this space.';
			const campaign = newAction ? await this.campaign(space) : null;
			if (campaign && !campaign.themes.includes(found.theme))
				return 'action: This campaign offers actions of other themes.';
			scale = found.level;
		}
		const level = Number(fields.level);
		return isValidLevel(level, scale) ? undefined : 'level: Pick a level this action offers.';
	}

	private async checkCheckIn({ after }: RuleInput): Promise<Refusal> {
		const f = after.fields;
		const [pledgeId, startsOn, week] = [String(f.pledge), String(f.startsOn), Number(f.week)];
		if (!isOncePerPerson(after, checkInTarget(pledgeId, startsOn, week)))
			return refuse(
				after.id,
				'id: This id is not the once-per-person id of this person, pledge and week.'
			);
		if (f.deleted === true) return undefined;
		const pledge = await this.lookup.live(after.space, 'pledge', pledgeId);
		if (!pledge || pledge.author.toLowerCase() !== after.author.toLowerCase())
			return refuse(after.id, 'pledge: Check in on a pledge of your own in this space.');
		const period = {
			startsOn: String(pledge.fields.startsOn),
			endsOn: String(pledge.fields.endsOn)
		};
		if (startsOn !== period.startsOn)
			return refuse(after.id, 'startsOn: This pledge has started again since; check in anew.');
		if (week > weekCount(period.startsOn, period.endsOn))
			return refuse(after.id, 'week: This pledge has no such week.');
		if (addDays(startsOn, (week - 1) * 7) > addDays(this.today, 1))
			return refuse(after.id, 'week: You can check in on a week once it has begun.');
		return undefined;
	}

	private checkAction({ after }: RuleInput): Refusal {
		if (after.fields.deleted === true) return undefined;
		const problem = levelScaleProblem(after.fields as unknown as PledgeActionFields);
		return problem ? refuse(after.id, problem) : undefined;
	}
}
