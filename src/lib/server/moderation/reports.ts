/**
 * Reports: a participant of a space (or its staff) flags a contribution for the facilitators.
 * One report per reporter and record; reporting again replaces the reason.
 */
import type { Actor } from '$lib/domain/auth';
import { authorOf, canModerate, canReport } from '$lib/domain/policy';
import type { Queryable } from '../db/client';
import { requireAccess } from '../sync/access';
import { requireSpace } from '../sync/spaces';
import { recordIn } from './moderation';

export interface ReportView {
	id: number;
	record: string;
	reporter: string;
	reason: string;
	createdAt: string;
	/** Whether the record is hidden by now, so the list shows what is still to do. */
	hidden: boolean;
}

export async function fileReport(
	db: Queryable,
	space: string,
	record: string,
	actor: Actor,
	reason: string
): Promise<ReportView> {
	const info = await requireSpace(db, space);
	requireAccess(actor, canReport(actor, info));
	const target = await recordIn(db, info.id, record);
	const [row] = await db.query<{ id: unknown; created_at: Date | string }>(
		`INSERT INTO reports (space, record, reporter, reason) VALUES ($1, $2, $3, $4)
		ON CONFLICT (record, reporter) DO UPDATE SET reason = excluded.reason, created_at = now()
		RETURNING id, created_at`,
		[info.id, target.id, authorOf(actor), reason]
	);
	return {
		id: Number(row!.id),
		record: target.id,
		reporter: authorOf(actor)!.toLowerCase(),
		reason,
		createdAt: new Date(row!.created_at).toISOString(),
		hidden: target.hidden
	};
}

export async function listReports(
	db: Queryable,
	space: string,
	actor: Actor
): Promise<ReportView[]> {
	const info = await requireSpace(db, space);
	requireAccess(actor, canModerate(actor, info));
	const rows = await db.query<{
		id: unknown;
		record: string;
		reporter: string;
		reason: string;
		created_at: Date | string;
		hidden: boolean;
	}>(
		`SELECT p.id, p.record, p.reporter, p.reason, p.created_at, r.hidden
		FROM reports p JOIN records r ON r.id = p.record
		WHERE p.space = $1 ORDER BY p.id DESC LIMIT 1000`,
		[info.id]
	);
	return rows.map((row) => ({
		id: Number(row.id),
		record: row.record,
		reporter: row.reporter,
		reason: row.reason,
		createdAt: new Date(row.created_at).toISOString(),
		hidden: row.hidden
	}));
}
