/** Admin-only reads: the organisation's accounts (and open invites) and its audit log. */
import { auditEntries } from '../audit';
import { json, toErrorResponse } from '../http';
import type { Ctx } from '../http/context';
import { organisationAccounts } from './accounts';
import { requireAdmin } from './guards';

/** GET /api/v1/accounts */
export async function handleListAccounts(ctx: Ctx): Promise<Response> {
	try {
		const admin = requireAdmin(ctx.actor);
		const accounts = await organisationAccounts(ctx.hub.db, admin.organisation);
		const invites = await ctx.hub.db.query<{ email: string; role: string; expires_at: Date }>(
			`SELECT email, role, expires_at FROM invites
			WHERE organisation = $1 AND accepted_at IS NULL AND expires_at > $2 ORDER BY created_at`,
			[admin.organisation, new Date(ctx.now).toISOString()]
		);
		return json({
			accounts,
			invites: invites.map((row) => ({
				email: row.email,
				role: row.role,
				expiresAt: new Date(row.expires_at).toISOString()
			}))
		});
	} catch (error) {
		return toErrorResponse(error);
	}
}

/** GET /api/v1/audit: newest first. */
export async function handleAudit(ctx: Ctx): Promise<Response> {
	try {
		const admin = requireAdmin(ctx.actor);
		return json({ entries: await auditEntries(ctx.hub.db, admin.organisation) });
	} catch (error) {
		return toErrorResponse(error);
	}
}
