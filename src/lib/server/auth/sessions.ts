/**
 * Account sessions: the cookie holds a random 32-byte token, the database only its SHA-256,
 * so a leaked database cannot be replayed as logins. Sessions last 30 days; "log out
 * everywhere" deletes every session of the account.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Actor, Role } from '$lib/domain/auth';
import type { Queryable } from '../db/client';

export const sessionCookie = 'plaza_session';
export const sessionDays = 30;
const sessionMs = sessionDays * 86_400_000;

export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

export function newToken(): string {
	return randomBytes(32).toString('base64url');
}

/** Starts a session for `account`; returns the cookie value. */
export async function createSession(db: Queryable, account: string, now: number): Promise<string> {
	const token = newToken();
	await db.query(
		'INSERT INTO sessions (token_hash, account, created_at, expires_at) VALUES ($1, $2, $3, $4)',
		[
			hashToken(token),
			account,
			new Date(now).toISOString(),
			new Date(now + sessionMs).toISOString()
		]
	);
	return token;
}

type AccountActor = Extract<Actor, { kind: 'account' }>;

/** The account actor of a live session token, or null. */
export async function findSession(
	db: Queryable,
	token: string,
	now: number
): Promise<AccountActor | null> {
	const rows = await db.query<{
		id: string;
		organisation: string;
		role: Role;
		email: string;
		name: string;
	}>(
		`SELECT a.id, a.organisation, a.role, a.email, a.name FROM sessions s
		JOIN accounts a ON a.id = s.account WHERE s.token_hash = $1 AND s.expires_at > $2`,
		[hashToken(token), new Date(now).toISOString()]
	);
	const row = rows[0];
	if (!row) return null;
	return { kind: 'account', accountId: row.id, ...row };
}

export async function deleteSession(db: Queryable, token: string): Promise<void> {
	await db.query('DELETE FROM sessions WHERE token_hash = $1', [hashToken(token)]);
}

export async function deleteAllSessions(db: Queryable, account: string): Promise<void> {
	await db.query('DELETE FROM sessions WHERE account = $1', [account]);
}

/** Secure everywhere except plain-http development on this machine. */
function secureFor(url: URL): boolean {
	return !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

export function sessionSetCookie(url: URL, token: string): string {
	const secure = secureFor(url) ? '; Secure' : '';
	const maxAge = sessionMs / 1000;
	return `${sessionCookie}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure}`;
}

export function clearSessionCookie(url: URL): string {
	const secure = secureFor(url) ? '; Secure' : '';
	return `${sessionCookie}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure}`;
}

/** The session token in the request's Cookie header, if any. */
export function sessionToken(request: Request): string | null {
	const header = request.headers.get('cookie') ?? '';
	for (const part of header.split(';')) {
		const [name, ...value] = part.trim().split('=');
		if (name === sessionCookie) return value.join('=') || null;
	}
	return null;
}
