/**
 * Who facilitates a space: its staff list, add and remove facilitators. Only accounts of the
 * space's own organisation can be added (anyone else is "not found", so account ids of other
 * organisations cannot be probed), and a space always keeps at least one facilitator.
 */
import { AddFacilitatorSchema, type FacilitatorView } from '$lib/domain/auth';
import { PlazaError } from '$lib/domain/errors';
import { audit } from '../audit';
import { requireAccount } from '../auth/guards';
import type { Queryable } from '../db/client';
import { json, parse, readJson, toErrorResponse } from '../http';
import type { Ctx } from '../http/context';
import { requireManagedSpace } from './handlers';
import type { SpaceRow } from './views';

async function facilitatorsOf(db: Queryable, space: string): Promise<FacilitatorView[]> {
	return db.query<FacilitatorView>(
		`SELECT a.id::text AS id, a.name, a.email FROM space_facilitators f
		JOIN accounts a ON a.id = f.account WHERE f.space = $1 ORDER BY a.name, a.email`,
		[space]
	);
}

/** GET /api/v1/spaces/<id>/facilitators (staff) */
export async function handleListFacilitators(id: string, ctx: Ctx): Promise<Response> {
	try {
		await requireManagedSpace(ctx, id);
		return json({ facilitators: await facilitatorsOf(ctx.hub.db, id) });
	} catch (error) {
		return toErrorResponse(error);
	}
}

const unknownAccount = () =>
	new PlazaError('not-found', 'There is no such account in this organisation.', 404);

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The account's id in canonical form when it belongs to the space's organisation. */
async function colleague(db: Queryable, space: SpaceRow, account: string): Promise<string> {
	const rows = uuidShape.test(account)
		? await db.query<{ id: string }>(
				'SELECT id::text AS id FROM accounts WHERE id = $1 AND organisation = $2',
				[account, space.organisation]
			)
		: [];
	if (!rows[0]) throw unknownAccount();
	return rows[0].id;
}

type Change = 'facilitator.add' | 'facilitator.remove';

/** Runs one change of the facilitator list with its audit entry; answers the new list. */
async function change(ctx: Ctx, space: SpaceRow, action: Change, account: string) {
	const staff = requireAccount(ctx.actor);
	return ctx.hub.db.transaction(async (tx) => {
		// Two removals at once must not leave the space with nobody: serialise on the space.
		await tx.query('SELECT 1 FROM spaces WHERE id = $1 FOR UPDATE', [space.id]);
		const changed =
			action === 'facilitator.add'
				? await add(tx, space.id, account)
				: await remove(tx, space.id, account);
		if (changed)
			await audit(tx, {
				organisation: space.organisation,
				actor: staff.accountId,
				actorName: staff.name,
				action,
				target: `${space.id}/${account}`,
				at: ctx.now
			});
		return facilitatorsOf(tx, space.id);
	});
}

async function add(tx: Queryable, space: string, account: string): Promise<boolean> {
	const added = await tx.query(
		`INSERT INTO space_facilitators (space, account) VALUES ($1, $2)
		ON CONFLICT DO NOTHING RETURNING 1`,
		[space, account]
	);
	return added.length > 0;
}

async function remove(tx: Queryable, space: string, account: string): Promise<boolean> {
	const rows = await tx.query<{ account: string }>(
		'SELECT account::text AS account FROM space_facilitators WHERE space = $1',
		[space]
	);
	if (!rows.some((row) => row.account === account))
		throw new PlazaError('not-found', 'This account does not facilitate this space.', 404);
	if (rows.length === 1)
		throw new PlazaError(
			'last-facilitator',
			'A space needs at least one facilitator: add another one before removing this one.',
			409
		);
	await tx.query('DELETE FROM space_facilitators WHERE space = $1 AND account = $2', [
		space,
		account
	]);
	return true;
}

/** POST /api/v1/spaces/<id>/facilitators {accountId} (staff): idempotent. */
export async function handleAddFacilitator(
	request: Request,
	id: string,
	ctx: Ctx
): Promise<Response> {
	try {
		const space = await requireManagedSpace(ctx, id);
		const body = parse(AddFacilitatorSchema, await readJson(request, 4096));
		const account = await colleague(ctx.hub.db, space, body.accountId);
		return json({ facilitators: await change(ctx, space, 'facilitator.add', account) });
	} catch (error) {
		return toErrorResponse(error);
	}
}

/** DELETE /api/v1/spaces/<id>/facilitators/<account> (staff); 409 for the last one. */
export async function handleRemoveFacilitator(
	id: string,
	accountId: string,
	ctx: Ctx
): Promise<Response> {
	try {
		const space = await requireManagedSpace(ctx, id);
		const account = await colleague(ctx.hub.db, space, accountId);
		return json({ facilitators: await change(ctx, space, 'facilitator.remove', account) });
	} catch (error) {
		return toErrorResponse(error);
	}
}
