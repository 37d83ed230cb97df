/**
 * Joining a space by its code, and the facilitators' view of who joined. Every join attempt,
 * right or wrong, counts against the caller's IP (10 a minute), so guessing a 10-character code
 * is hopeless. A revoked participant cannot rejoin under the same id.
 */
import { JoinRequestSchema } from '$lib/domain/auth';
import { PlazaError } from '$lib/domain/errors';
import { audit } from '../audit';
import { requireAccount } from '../auth/guards';
import { signParticipantToken, today } from '../auth/tokens';
import { json, noContent, parse, readJson, toErrorResponse } from '../http';
import type { Ctx } from '../http/context';
import { rateLimits } from '../http/rate-limit';
import { requireManagedSpace } from './handlers';
import { normaliseJoinCode } from './join-code';
import { publicView, spaceByJoinCode, type SpaceRow } from './views';

const unknownCode = () =>
	new PlazaError('unknown-join-code', 'No space has this join code. Check it and try again.', 404);

/** The space of a join code; a wrong code counts towards the address's limit of failures. */
async function spaceOfCode(ctx: Ctx, code: string): Promise<SpaceRow> {
	const limit = rateLimits(ctx.hub).joinFailures;
	limit.enforceFailures(ctx.ip, ctx.now);
	const row = /^[0-9A-Z]{4,16}$/.test(code) ? await spaceByJoinCode(ctx.hub.db, code) : null;
	if (!row) {
		limit.recordFailure(ctx.ip, ctx.now);
		throw unknownCode();
	}
	return row;
}

/** GET /api/v1/join/<code>: purpose and privacy notice, before joining. */
export async function handleJoinPreview(code: string, ctx: Ctx): Promise<Response> {
	try {
		const row = await spaceOfCode(ctx, normaliseJoinCode(code));
		return json({ space: publicView(row) });
	} catch (error) {
		return toErrorResponse(error);
	}
}

function isOpen(row: SpaceRow, now: number): boolean {
	return row.status === 'open' && (row.retentionUntil === null || row.retentionUntil >= today(now));
}

/** POST /api/v1/join */
export async function handleJoin(request: Request, ctx: Ctx): Promise<Response> {
	try {
		const body = parse(JoinRequestSchema, await readJson(request, 4096));
		const row = await spaceOfCode(ctx, body.code);
		if (!isOpen(row, ctx.now))
			throw new PlazaError('space-closed', 'This space is closed and takes no new people.', 403);
		const participant = body.participant.toLowerCase();
		const joined = await ctx.hub.db.query(
			`INSERT INTO participants (space, participant, display_name, joined_at)
			VALUES ($1, $2, coalesce($3::text, ''), $4)
			ON CONFLICT (space, participant) DO UPDATE
				SET display_name = coalesce($3::text, participants.display_name)
				WHERE participants.revoked_at IS NULL
			RETURNING 1`,
			[row.id, participant, body.displayName ?? null, new Date(ctx.now).toISOString()]
		);
		if (joined.length === 0)
			throw new PlazaError('token-revoked', 'The facilitators removed you from this space.', 403);
		const token = await signParticipantToken(ctx.hub, {
			space: row.id,
			participant,
			issuedAt: ctx.now
		});
		return json({ space: publicView(row), token });
	} catch (error) {
		return toErrorResponse(error);
	}
}

/** GET /api/v1/spaces/<id>/participants (staff) */
export async function handleListParticipants(id: string, ctx: Ctx): Promise<Response> {
	try {
		await requireManagedSpace(ctx, id);
		const rows = await ctx.hub.db.query<{
			participant: string;
			display_name: string;
			joined_at: Date;
			revoked_at: Date | null;
		}>(
			`SELECT participant, display_name, joined_at, revoked_at FROM participants
			WHERE space = $1 ORDER BY joined_at, participant`,
			[id]
		);
		const participants = rows.map((row) => ({
			participant: row.participant,
			displayName: row.display_name,
			joinedAt: new Date(row.joined_at).toISOString(),
			revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at).toISOString()
		}));
		return json({ participants });
	} catch (error) {
		return toErrorResponse(error);
	}
}

/** POST /api/v1/spaces/<id>/participants/<participant>/revoke (staff): the token stops working. */
export async function handleRevoke(id: string, participant: string, ctx: Ctx): Promise<Response> {
	try {
		const space = await requireManagedSpace(ctx, id);
		const account = requireAccount(ctx.actor);
		await ctx.hub.db.transaction(async (tx) => {
			const rows = await tx.query<{ revoked_at: Date | null }>(
				'SELECT revoked_at FROM participants WHERE space = $1 AND participant::text = lower($2)',
				[id, participant]
			);
			if (rows.length === 0)
				throw new PlazaError('not-found', 'This participant has not joined this space.', 404);
			if (rows[0]!.revoked_at !== null) return;
			await tx.query(
				`UPDATE participants SET revoked_at = $3
				WHERE space = $1 AND participant::text = lower($2)`,
				[id, participant, new Date(ctx.now).toISOString()]
			);
			await audit(tx, {
				organisation: space.organisation,
				actor: account.accountId,
				actorName: account.name,
				action: 'participant.revoke',
				target: `${id}/${participant.toLowerCase()}`,
				at: ctx.now
			});
		});
		return noContent();
	} catch (error) {
		return toErrorResponse(error);
	}
}
