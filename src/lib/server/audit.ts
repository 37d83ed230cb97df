/**
 * The audit log: one appended row per account (or participant erase) action that changes
 * something. Written inside the action's own transaction, so a rolled-back action leaves no
 * entry and a committed one always has its entry.
 */
import type { Queryable } from './db/client';

export interface AuditEntry {
	organisation: string | null;
	/** Account id, or participant id for a participant's own erase. */
	actor: string;
	actorName: string;
	/** Dotted verb, e.g. `space.create`, `invite.accept`, `record.hide`. */
	action: string;
	target: string;
	detail?: Record<string, unknown>;
	/** When; the database clock when absent. */
	at?: number;
}

export async function audit(tx: Queryable, entry: AuditEntry): Promise<void> {
	await tx.query(
		`INSERT INTO audit_log (at, organisation, actor, actor_name, action, target, detail)
		VALUES (coalesce($1::timestamptz, now()), $2, $3, $4, $5, $6, ($7::text)::jsonb)`,
		[
			entry.at === undefined ? null : new Date(entry.at).toISOString(),
			entry.organisation,
			entry.actor,
			entry.actorName,
			entry.action,
			entry.target,
			JSON.stringify(entry.detail ?? {})
		]
	);
}

export interface AuditView {
	at: string;
	actor: string;
	actorName: string;
	action: string;
	target: string;
	detail: Record<string, unknown>;
}

/** The newest `limit` entries of an organisation, newest first. */
export async function auditEntries(
	db: Queryable,
	organisation: string,
	limit = 500
): Promise<AuditView[]> {
	const rows = await db.query<{
		at: Date;
		actor: string;
		actor_name: string;
		action: string;
		target: string;
		detail: Record<string, unknown> | string;
	}>(
		`SELECT at, actor, actor_name, action, target, detail FROM audit_log
		WHERE organisation = $1 ORDER BY id DESC LIMIT $2`,
		[organisation, limit]
	);
	return rows.map((row) => ({
		at: new Date(row.at).toISOString(),
		actor: row.actor,
		actorName: row.actor_name,
		action: row.action,
		target: row.target,
		detail: typeof row.detail === 'string' ? (JSON.parse(row.detail) as never) : row.detail
	}));
}
