/**
 * Invites: an admin invites an email to the organisation with a role; the link carries a random
 * token (only its SHA-256 is stored) and works once, for 7 days. Accepting creates the account
 * and logs it in.
 */
import { AcceptInviteSchema, InviteRequestSchema, type Role } from '$lib/domain/auth';
import { PlazaError } from '$lib/domain/errors';
import { audit } from '../audit';
import type { Queryable } from '../db/client';
import { json, parse, readJson, toErrorResponse } from '../http';
import type { Ctx } from '../http/context';
import { emailTaken, insertAccount } from './accounts';
import { requireAdmin } from './guards';
import { authBodyBytes, withSession } from './handlers';
import { hashPassword } from './password';
import { hashToken, newToken } from './sessions';

export const inviteDays = 7;

export const emailInUse = () =>
	new PlazaError('invalid-request', 'An account with this email exists already.', 409);

export interface InviteLink {
	token: string;
	url: string;
	expiresAt: string;
}

export interface NewInvite {
	organisation: string;
	email: string;
	role: Role;
	invitedBy: string;
	now: number;
}

/** Stores an invite (only its token's hash) and returns the link, valid for `inviteDays`. */
export async function insertInvite(tx: Queryable, invite: NewInvite): Promise<InviteLink> {
	const token = newToken();
	const expiresAt = new Date(invite.now + inviteDays * 86_400_000).toISOString();
	await tx.query(
		`INSERT INTO invites (token_hash, organisation, email, role, invited_by, created_at, expires_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`,
		[
			hashToken(token),
			invite.organisation,
			invite.email,
			invite.role,
			invite.invitedBy,
			new Date(invite.now).toISOString(),
			expiresAt
		]
	);
	return { token, url: `/invite/${token}`, expiresAt };
}

/** POST /api/v1/invites (admin) */
export async function handleCreateInvite(request: Request, ctx: Ctx): Promise<Response> {
	try {
		const admin = requireAdmin(ctx.actor);
		const body = parse(InviteRequestSchema, await readJson(request, authBodyBytes));
		if (await emailTaken(ctx.hub.db, body.email)) throw emailInUse();
		const invite = await ctx.hub.db.transaction(async (tx) => {
			const link = await insertInvite(tx, {
				organisation: admin.organisation,
				email: body.email,
				role: body.role,
				invitedBy: admin.accountId,
				now: ctx.now
			});
			await audit(tx, {
				organisation: admin.organisation,
				actor: admin.accountId,
				actorName: admin.name,
				action: 'invite.create',
				target: body.email,
				detail: { role: body.role, expiresAt: link.expiresAt },
				at: ctx.now
			});
			return link;
		});
		return json({ invite }, 201);
	} catch (error) {
		return toErrorResponse(error);
	}
}

interface InviteRow {
	organisation: string;
	organisation_name: string;
	email: string;
	role: Role;
	expires_at: Date;
	accepted_at: Date | null;
}

const inviteGone = () =>
	new PlazaError(
		'invite-expired',
		'This invite link has expired or was used. Ask for a new one.',
		410
	);

/** The open invite of `token`: 404 when unknown, 410 when used or expired. */
async function openInvite(db: Queryable, token: string, now: number): Promise<InviteRow> {
	const rows = await db.query<InviteRow>(
		`SELECT i.organisation, o.name AS organisation_name, i.email, i.role, i.expires_at,
		i.accepted_at FROM invites i JOIN organisations o ON o.id = i.organisation
		WHERE i.token_hash = $1`,
		[hashToken(token)]
	);
	const invite = rows[0];
	if (!invite) throw new PlazaError('not-found', 'This invite link is not known here.', 404);
	if (invite.accepted_at !== null || new Date(invite.expires_at).getTime() <= now)
		throw inviteGone();
	return invite;
}

/** GET /api/v1/invites/<token> */
export async function handleGetInvite(token: string, ctx: Ctx): Promise<Response> {
	try {
		const invite = await openInvite(ctx.hub.db, token, ctx.now);
		return json({
			email: invite.email,
			role: invite.role,
			organisationName: invite.organisation_name,
			expiresAt: new Date(invite.expires_at).toISOString()
		});
	} catch (error) {
		return toErrorResponse(error);
	}
}

/** POST /api/v1/invites/<token>/accept */
export async function handleAcceptInvite(
	request: Request,
	token: string,
	ctx: Ctx
): Promise<Response> {
	try {
		await openInvite(ctx.hub.db, token, ctx.now);
		const body = parse(AcceptInviteSchema, await readJson(request, authBodyBytes));
		const passwordHash = await hashPassword(body.password);
		return await ctx.hub.db.transaction(async (tx) => {
			const invite = await openInvite(tx, token, ctx.now);
			// Only one of two racing accepts marks the invite; the other finds it used.
			const marked = await tx.query(
				`UPDATE invites SET accepted_at = $2 WHERE token_hash = $1 AND accepted_at IS NULL
				RETURNING 1`,
				[hashToken(token), new Date(ctx.now).toISOString()]
			);
			if (marked.length === 0) throw inviteGone();
			if (await emailTaken(tx, invite.email)) throw emailInUse();
			const account = await insertAccount(tx, {
				organisation: invite.organisation,
				email: invite.email,
				name: body.name,
				passwordHash,
				role: invite.role
			});
			await audit(tx, {
				organisation: invite.organisation,
				actor: account,
				actorName: body.name,
				action: 'invite.accept',
				target: invite.email,
				detail: { role: invite.role },
				at: ctx.now
			});
			return withSession(request, tx, account, ctx.now, 201);
		});
	} catch (error) {
		return toErrorResponse(error);
	}
}
