/**
 * Duplicating a space as a template: a new space of the same kind with the source's settings (a
 * map's centre, boundary, categories and period, a pledge campaign's goal and themes, and
 * whether its impact is public included) and a copy of every activity (new ids, back to draft,
 * timers cleared, written by the actor). Notes, clusters, votes and answers, pledges and
 * check-ins stay behind: they belong to the people of the first workshop.
 * A dot vote's `target` is pointed at the copy of its brainstorm.
 */
import { DuplicateSpaceSchema } from '$lib/domain/auth';
import { PlazaError } from '$lib/domain/errors';
import { newId } from '$lib/domain/ids';
import type { Fields } from '$lib/domain/merge';
import { audit } from '../audit';
import { requireAccount } from '../auth/guards';
import type { Queryable } from '../db/client';
import { json, parse, readJson, toErrorResponse } from '../http';
import type { Ctx } from '../http/context';
import { requireManagedSpace, spaceBodyBytes, unusedJoinCode } from '../spaces/handlers';
import { spaceById, staffView } from '../spaces/views';
import type { StoredRecord } from '../sync/apply';
import { hubClock, lockSpaces, writeRecords } from '../sync/write';

/** The live activities of a space, in agenda order. */
export async function activitiesOf(tx: Queryable, space: string): Promise<StoredRecord[]> {
	return tx.query<StoredRecord>(
		`SELECT id, space, type, author, fields, clocks FROM records
		WHERE space = $1 AND type = 'activity' AND NOT deleted AND NOT hidden
		ORDER BY (fields->>'position')::int, id`,
		[space]
	);
}

/** Copies of `activities` for `space`, by `author`, each field clocked at `clock`. */
function copies(
	activities: StoredRecord[],
	space: string,
	author: string,
	clock: string
): StoredRecord[] {
	const ids = new Map(activities.map((a) => [a.id, newId()]));
	return activities.map((activity) => {
		const fields: Fields = { ...activity.fields, status: 'draft', timerEndsAt: null };
		delete fields.deleted;
		if (fields.target) fields.target = ids.get(String(fields.target)) ?? '';
		const clocks = Object.fromEntries(Object.keys(fields).map((key) => [key, clock]));
		return { id: ids.get(activity.id)!, space, type: 'activity', author, fields, clocks };
	});
}

async function insertCopy(tx: Queryable, source: string, id: string, title: string, ctx: Ctx) {
	const account = requireAccount(ctx.actor);
	await tx.query(
		`INSERT INTO spaces (id, organisation, title, purpose, privacy_notice, erase_policy,
			retention_until, published, status, join_code, created_by, created_at, kind,
			workshop_date, place, languages, map_settings, pledge_settings, impact_public,
			language, translations)
		SELECT $2, organisation, $3, purpose, privacy_notice, erase_policy, retention_until,
			published, 'open', $4, $5, $6, kind, workshop_date, place, languages, map_settings,
			pledge_settings, impact_public, language,
			-- The copy has a new title: the old one's translations do not fit it.
			(SELECT coalesce(jsonb_object_agg(t.key, t.value - 'title'), '{}'::jsonb)
				FROM jsonb_each(spaces.translations) t)
		FROM spaces WHERE id = $1`,
		[
			source,
			id,
			title,
			await unusedJoinCode(tx),
			account.accountId,
			new Date(ctx.now).toISOString()
		]
	);
	await tx.query('INSERT INTO space_facilitators (space, account) VALUES ($1, $2)', [
		id,
		account.accountId
	]);
}

/** POST /api/v1/spaces/<id>/duplicate {id, title} → 201 { space } */
export async function handleDuplicateSpace(
	request: Request,
	source: string,
	ctx: Ctx
): Promise<Response> {
	try {
		const before = await requireManagedSpace(ctx, source);
		const account = requireAccount(ctx.actor);
		const body = parse(DuplicateSpaceSchema, await readJson(request, spaceBodyBytes));
		const row = await ctx.hub.db.transaction(async (tx) => {
			const taken = await tx.query('SELECT 1 FROM spaces WHERE id = $1 FOR UPDATE', [body.id]);
			if (taken.length > 0)
				throw new PlazaError('invalid-request', 'A space with this id exists already.', 409);
			await insertCopy(tx, source, body.id, body.title, ctx);
			await lockSpaces(tx, [body.id]);
			const activities = await activitiesOf(tx, source);
			const clock = hubClock(ctx.now);
			await writeRecords(tx, copies(activities, body.id, account.accountId, clock), ctx.now);
			await audit(tx, {
				organisation: before.organisation,
				actor: account.accountId,
				actorName: account.name,
				action: 'space.duplicate',
				target: body.id,
				detail: { from: source, activities: activities.length },
				at: ctx.now
			});
			return (await spaceById(tx, body.id))!;
		});
		return json({ space: staffView(row) }, 201);
	} catch (error) {
		return toErrorResponse(error);
	}
}
