/**
 * Read models of the pledge flow (issue 6), meant to run inside `liveQuery` like queries.ts:
 * this person's pledges in a space, each with the check-ins of its current period and its sync
 * state, and the space's local actions. "This person's" means the record's id is their
 * once-per-person id for it, so records of other people that reach the device are never shown
 * as one's own. Read-only: no identity is created here.
 */
import { localActionRef } from '$lib/domain/pledge/local-action';
import { oncePerPersonId } from '$lib/domain/ids';
import {
	checkInTarget,
	parseOrigin,
	pledgeTarget,
	type CheckInFields,
	type PledgeActionFields,
	type PledgeFields,
	type RecordType
} from '$lib/domain/records';
import { parseTranslations, type Translations } from '$lib/domain/translations';
import { getDb, type LocalRecord } from './db';
import { getMeta, metaKeys, type Identity } from './meta';
import { pendingByRecord, toView, type RecordView } from './queries';
import { cachedSpaceInfo } from './spaces';

export type CheckInView = RecordView<CheckInFields>;

export interface PledgeView extends RecordView<PledgeFields> {
	/** The check-ins of the pledge's current period, by week. */
	checkIns: CheckInView[];
}

export interface LocalActionView extends RecordView<PledgeActionFields> {
	/** What a pledge names it by: `local:<id>`. */
	ref: string;
}

async function live(space: string, type: RecordType): Promise<LocalRecord[]> {
	const all = await getDb().records.where('[space+type]').equals([space, type]).toArray();
	return all.filter((record) => record.deleted === 0);
}

const statusOrder: Record<string, number> = { active: 0, kept: 1, 'not-kept': 1, withdrawn: 2 };

function order(a: PledgeView, b: PledgeView): number {
	return (
		(statusOrder[a.fields.status] ?? 3) - (statusOrder[b.fields.status] ?? 3) ||
		b.fields.createdAt - a.fields.createdAt ||
		(a.id < b.id ? -1 : 1)
	);
}

/** This person's pledges in a space: active first, then finished, then withdrawn; newest first. */
export async function myPledges(space: string): Promise<PledgeView[]> {
	const db = getDb();
	// Every read starts inside the live query's zone, so each table is observed.
	const [pledges, checkIns, rows, identity] = await Promise.all([
		live(space, 'pledge'),
		live(space, 'checkIn'),
		db.outbox.toArray(),
		getMeta<Identity>(db, metaKeys.identity)
	]);
	const me = identity?.participant;
	if (!me) return [];
	const pending = pendingByRecord(rows);
	const checkInsById = new Map(checkIns.map((record) => [record.id, record]));
	return pledges
		.filter((p) => p.id === oncePerPersonId(space, pledgeTarget(String(p.fields.action)), me))
		.map((record) => {
			const view = toView<PledgeFields>(record, pending);
			const { startsOn } = view.fields;
			const own = checkIns
				.filter((c) => c.fields.pledge === record.id && c.fields.startsOn === startsOn)
				.filter((c) => {
					const id = oncePerPersonId(
						space,
						checkInTarget(record.id, startsOn, Number(c.fields.week)),
						me
					);
					return checkInsById.get(id) === c;
				})
				.map((c) => toView<CheckInFields>(c, pending))
				.sort((a, b) => a.fields.week - b.fields.week);
			return { ...view, checkIns: own };
		})
		.sort(order);
}

/** The space's live local actions (added by its facilitators), oldest first. */
export async function localActions(space: string): Promise<LocalActionView[]> {
	const [actions, rows] = await Promise.all([
		live(space, 'pledgeAction'),
		getDb().outbox.toArray()
	]);
	const pending = pendingByRecord(rows);
	return actions
		.sort((a, b) => Number(a.fields.createdAt ?? 0) - Number(b.fields.createdAt ?? 0))
		.map((record) => ({
			...toView<PledgeActionFields>(record, pending),
			ref: localActionRef(record.id)
		}));
}

export interface OriginView {
	type: 'activity' | 'mapIdea';
	id: string;
	/** The idea's title or the activity's prompt. */
	title: string;
	/** An activity's prompt in other languages, and the language it is written in. */
	translations: Translations;
	original: string;
}

/**
 * What a pledge origin (`mapIdea:<id>`, `activity:<id>`) names, when it is a live record of
 * this space on this device; undefined otherwise (the hub would refuse such an origin).
 */
export async function pledgeOrigin(space: string, origin: string): Promise<OriginView | undefined> {
	const parsed = parseOrigin(origin);
	const record = parsed ? await getDb().records.get(parsed.id) : undefined;
	if (!parsed || !record || record.deleted || record.type !== parsed.type || record.space !== space)
		return undefined;
	if (parsed.type === 'mapIdea')
		return { ...parsed, title: String(record.fields.title ?? ''), translations: {}, original: '' };
	return {
		...parsed,
		title: String(record.fields.prompt ?? ''),
		translations: parseTranslations(String(record.fields.translations ?? '')),
		original: (await cachedSpaceInfo(space))?.language ?? ''
	};
}
