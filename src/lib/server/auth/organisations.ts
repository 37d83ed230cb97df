/**
 * Several organisations on one hub: the operator (the account setup made) lists them and
 * creates new ones. A new organisation starts with an admin invite, not an account: the person
 * sets their own password by accepting it, exactly as an invited facilitator does.
 */
import { CreateOrganisationSchema, type OrganisationView } from '$lib/domain/auth';
import { PlazaError } from '$lib/domain/errors';
import { newId } from '$lib/domain/ids';
import { audit } from '../audit';
import type { Queryable } from '../db/client';
import { json, parse, readJson, toErrorResponse } from '../http';
import type { Ctx } from '../http/context';
import { emailTaken, isOperator } from './accounts';
import { requireAccount, type AccountActor } from './guards';
import { authBodyBytes } from './handlers';
import { emailInUse, insertInvite } from './invites';

async function requireOperator(ctx: Ctx): Promise<AccountActor> {
	const account = requireAccount(ctx.actor);
	if (await isOperator(ctx.hub.db, account.accountId)) return account;
	throw new PlazaError('forbidden', 'Only the operator of this hub can do this.', 403);
}

async function organisations(db: Queryable): Promise<OrganisationView[]> {
	const rows = await db.query<{ id: string; name: string; created_at: Date; accounts: unknown }>(
		`SELECT o.id, o.name, o.created_at,
			(SELECT count(*) FROM accounts a WHERE a.organisation = o.id) AS accounts
		FROM organisations o ORDER BY o.created_at, o.name`
	);
	return rows.map((row) => ({
		id: row.id,
		name: row.name,
		createdAt: new Date(row.created_at).toISOString(),
		accounts: Number(row.accounts)
	}));
}

/** GET /api/v1/organisations (operator) */
export async function handleListOrganisations(ctx: Ctx): Promise<Response> {
	try {
		await requireOperator(ctx);
		return json({ organisations: await organisations(ctx.hub.db) });
	} catch (error) {
		return toErrorResponse(error);
	}
}

const nameTaken = () =>
	new PlazaError('invalid-request', 'An organisation with this name exists already.', 409);

/** POST /api/v1/organisations (operator): the organisation and an invite for its first admin. */
export async function handleCreateOrganisation(request: Request, ctx: Ctx): Promise<Response> {
	try {
		const operator = await requireOperator(ctx);
		const body = parse(CreateOrganisationSchema, await readJson(request, authBodyBytes));
		const answer = await ctx.hub.db.transaction(async (tx) => {
			const same = await tx.query('SELECT 1 FROM organisations WHERE lower(name) = lower($1)', [
				body.name
			]);
			if (same.length > 0) throw nameTaken();
			if (await emailTaken(tx, body.adminEmail)) throw emailInUse();
			const id = newId();
			await tx.query('INSERT INTO organisations (id, name, created_at) VALUES ($1, $2, $3)', [
				id,
				body.name,
				new Date(ctx.now).toISOString()
			]);
			const invite = await insertInvite(tx, {
				organisation: id,
				email: body.adminEmail,
				role: 'admin',
				invitedBy: operator.accountId,
				now: ctx.now
			});
			// Both logs: the operator's admins see what was made, the new admins who made it.
			for (const organisation of new Set([operator.organisation, id]))
				await audit(tx, {
					organisation,
					actor: operator.accountId,
					actorName: operator.name,
					action: 'organisation.create',
					target: id,
					detail: { name: body.name, adminEmail: body.adminEmail },
					at: ctx.now
				});
			return { organisation: { id, name: body.name }, invite };
		});
		return json(answer, 201);
	} catch (error) {
		return toErrorResponse(error);
	}
}
