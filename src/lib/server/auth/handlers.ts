/**
 * Setup, login, logout and "who am I" as plain functions from (Request, Ctx) to a Response;
 * routes stay thin. Failed logins answer one body whether the email or the password was
 * wrong, after the same amount of work.
 */
import { LoginRequestSchema, SetupRequestSchema } from '$lib/domain/auth';
import { PlazaError } from '$lib/domain/errors';
import { newId } from '$lib/domain/ids';
import { audit } from '../audit';
import type { Queryable } from '../db/client';
import { json, noContent, parse, readJson, toErrorResponse } from '../http';
import type { Ctx } from '../http/context';
import { rateLimits } from '../http/rate-limit';
import { accountView, insertAccount } from './accounts';
import { requireAccount } from './guards';
import { dummyHash, hashPassword, verifyPassword } from './password';
import {
	clearSessionCookie,
	createSession,
	deleteAllSessions,
	deleteSession,
	sessionSetCookie,
	sessionToken
} from './sessions';

/** Account forms are small; anything bigger is not a login. */
export const authBodyBytes = 16_384;
const setupLock = 7_302_712;

/** Answers `{ account }` with a fresh session cookie. */
export async function withSession(
	request: Request,
	db: Queryable,
	account: string,
	now: number,
	status: number
): Promise<Response> {
	const token = await createSession(db, account, now);
	return json({ account: await accountView(db, account) }, status, {
		'set-cookie': sessionSetCookie(new URL(request.url), token)
	});
}

async function isSetUp(db: Queryable): Promise<boolean> {
	return (await db.query('SELECT 1 FROM organisations LIMIT 1')).length > 0;
}

const alreadySetUp = () =>
	new PlazaError('already-set-up', 'This hub is set up already. Log in instead.', 409);

/** GET /api/v1/setup */
export async function handleSetupStatus(ctx: Ctx): Promise<Response> {
	try {
		return json({ needed: !(await isSetUp(ctx.hub.db)) });
	} catch (error) {
		return toErrorResponse(error);
	}
}

/** POST /api/v1/setup: the first organisation and its admin, once. */
export async function handleSetup(request: Request, ctx: Ctx): Promise<Response> {
	try {
		rateLimits(ctx.hub).setup.enforce(ctx.ip, ctx.now);
		if (await isSetUp(ctx.hub.db)) throw alreadySetUp();
		const body = parse(SetupRequestSchema, await readJson(request, authBodyBytes));
		const passwordHash = await hashPassword(body.password);
		return await ctx.hub.db.transaction(async (tx) => {
			// Two racing setups: the lock makes the second one see the first organisation.
			await tx.query('SELECT pg_advisory_xact_lock($1)', [setupLock]);
			if (await isSetUp(tx)) throw alreadySetUp();
			const organisation = newId();
			await tx.query('INSERT INTO organisations (id, name) VALUES ($1, $2)', [
				organisation,
				body.organisation
			]);
			const { email, name } = body;
			const account = await insertAccount(tx, {
				organisation,
				email,
				name,
				passwordHash,
				role: 'admin',
				operator: true
			});
			await audit(tx, {
				organisation,
				actor: account,
				actorName: name,
				action: 'hub.setup',
				target: organisation,
				detail: { organisation: body.organisation, email },
				at: ctx.now
			});
			return withSession(request, tx, account, ctx.now, 201);
		});
	} catch (error) {
		return toErrorResponse(error);
	}
}

const invalidCredentials = () =>
	new PlazaError('invalid-credentials', 'That email and password do not match an account.', 401);

/** POST /api/v1/auth/login */
export async function handleLogin(request: Request, ctx: Ctx): Promise<Response> {
	try {
		const limits = rateLimits(ctx.hub);
		limits.loginPerIp.enforce(ctx.ip, ctx.now);
		const body = parse(LoginRequestSchema, await readJson(request, authBodyBytes));
		limits.loginPerEmail.enforce(body.email, ctx.now);
		const rows = await ctx.hub.db.query<{ id: string; password_hash: string }>(
			'SELECT id, password_hash FROM accounts WHERE email = $1',
			[body.email]
		);
		const row = rows[0];
		const matches = await verifyPassword(body.password, row?.password_hash ?? (await dummyHash()));
		if (!row || !matches) throw invalidCredentials();
		return await withSession(request, ctx.hub.db, row.id, ctx.now, 200);
	} catch (error) {
		return toErrorResponse(error);
	}
}

/** POST /api/v1/auth/logout: ends this session (and clears the cookie) whoever asks. */
export async function handleLogout(request: Request, ctx: Ctx): Promise<Response> {
	try {
		const token = sessionToken(request);
		if (token) await deleteSession(ctx.hub.db, token);
		return noContent({ 'set-cookie': clearSessionCookie(new URL(request.url)) });
	} catch (error) {
		return toErrorResponse(error);
	}
}

/** POST /api/v1/auth/logout-all: ends every session of the account. */
export async function handleLogoutAll(request: Request, ctx: Ctx): Promise<Response> {
	try {
		const account = requireAccount(ctx.actor);
		await ctx.hub.db.transaction(async (tx) => {
			await deleteAllSessions(tx, account.accountId);
			await audit(tx, {
				organisation: account.organisation,
				actor: account.accountId,
				actorName: account.name,
				action: 'account.logout-all',
				target: account.accountId,
				at: ctx.now
			});
		});
		return noContent({ 'set-cookie': clearSessionCookie(new URL(request.url)) });
	} catch (error) {
		return toErrorResponse(error);
	}
}

/** GET /api/v1/auth/me */
export async function handleMe(ctx: Ctx): Promise<Response> {
	try {
		const account =
			ctx.actor.kind === 'account' ? await accountView(ctx.hub.db, ctx.actor.accountId) : null;
		return json({ account });
	} catch (error) {
		return toErrorResponse(error);
	}
}
