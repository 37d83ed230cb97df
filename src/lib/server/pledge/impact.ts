/**
 * The impact of pledges (issue 6) of one or more spaces, computed on request from the current
 * merged records, so it is exact whatever order, devices and replays the pushes came in: a
 * record holds one state per id, and pledges and check-ins carry once-per-person ids.
 *
 * Only live records count (not deleted, not hidden). A local action `local:<id>` resolves only
 * to a local action of the pledge's own space, so one space cannot lend its figures to another.
 * The totals leave as `suppressSmallGroups` makes them: counts and sums, none of a small group.
 */
import {
	catalogueFacts,
	impactTotals,
	suppressSmallGroups,
	type ActionFacts,
	type CheckInFacts,
	type ImpactSummary,
	type PledgeFacts
} from '$lib/domain/pledge/impact';
import { localActionFacts } from '$lib/domain/pledge/local-action';
import {
	localActionId,
	type CheckInResult,
	type PledgeActionFields,
	type PledgeStatus
} from '$lib/domain/records/pledge';
import type { Queryable } from '../db/client';

interface ImpactRecord {
	id: string;
	space: string;
	type: 'pledge' | 'checkIn' | 'pledgeAction';
	author: string;
	fields: Record<string, unknown>;
}

/** The live pledges, check-ins and local actions of `spaces`. */
async function impactRecords(db: Queryable, spaces: readonly string[]): Promise<ImpactRecord[]> {
	if (spaces.length === 0) return [];
	return db.query<ImpactRecord>(
		`SELECT id::text AS id, space, type, author::text AS author, fields FROM records
		WHERE space = ANY($1::text[]) AND type IN ('pledge', 'checkIn', 'pledgeAction')
			AND NOT deleted AND NOT hidden`,
		[[...spaces]]
	);
}

/** The key a local action is resolved by: its space and id, never its id alone. */
const localKey = (space: string, id: string) => `${space}/${id.toLowerCase()}`;

/** A pledge's action as the resolver knows it: catalogue ids as they are, local ones per space. */
function actionKey(space: string, action: string): string {
	const local = localActionId(action);
	return local === undefined ? action : localKey(space, local);
}

function pledgeFacts(record: ImpactRecord): PledgeFacts {
	const f = record.fields;
	return {
		id: record.id,
		author: record.author,
		action: actionKey(record.space, String(f.action)),
		level: Number(f.level),
		status: f.status as PledgeStatus,
		startsOn: String(f.startsOn)
	};
}

function checkInFacts(record: ImpactRecord): CheckInFacts {
	const f = record.fields;
	return {
		pledge: String(f.pledge),
		startsOn: String(f.startsOn),
		week: Number(f.week),
		result: f.result as CheckInResult
	};
}

/** The suppressed impact totals of `spaces` (one space, or an organisation's). */
export async function impactOf(db: Queryable, spaces: readonly string[]): Promise<ImpactSummary> {
	const records = await impactRecords(db, spaces);
	const locals = new Map<string, ActionFacts>();
	for (const record of records)
		if (record.type === 'pledgeAction')
			locals.set(
				localKey(record.space, record.id),
				localActionFacts(record.fields as unknown as PledgeActionFields)
			);
	const pledges = records.filter((r) => r.type === 'pledge').map(pledgeFacts);
	const checkIns = records.filter((r) => r.type === 'checkIn').map(checkInFacts);
	const resolve = (action: string) => catalogueFacts(action) ?? locals.get(action);
	return suppressSmallGroups(impactTotals(pledges, checkIns, resolve));
}
