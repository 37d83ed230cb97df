/**
 * Shared by the account and space suites: requests, contexts (who, from where, when) and the
 * usual cast — an admin made by setup, facilitators made by accepted invites.
 */
import type { Actor } from '../../../src/lib/domain/auth';
import { resolveActor } from '../../../src/lib/server/auth/actor';
import { handleSetup } from '../../../src/lib/server/auth/handlers';
import { handleAcceptInvite, handleCreateInvite } from '../../../src/lib/server/auth/invites';
import type { Ctx } from '../../../src/lib/server/http/context';
import type { Hub } from '../../../src/lib/server/hub';

export const anonymous: Actor = { kind: 'anonymous' };
export const password = 'correct horse battery staple';

let nextIp = 1;
/** An address no other test uses, so per-IP rate limits never leak between tests. */
export function freshIp(): string {
	const n = nextIp++;
	return `198.51.${Math.floor(n / 250)}.${(n % 250) + 1}`;
}

export function ctx(hub: Hub, actor: Actor = anonymous, options: Partial<Ctx> = {}): Ctx {
	return { hub, actor, ip: freshIp(), now: Date.now(), ...options };
}

export function request(
	method: string,
	path: string,
	body?: unknown,
	headers: Record<string, string> = {},
	origin = 'http://hub.test'
): Request {
	return new Request(`${origin}${path}`, {
		method,
		headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
}

/** `plaza_session=<token>` from a response's Set-Cookie, ready for a Cookie header. */
export function cookieOf(response: Response): string {
	const header = response.headers.get('set-cookie') ?? '';
	const match = /^(plaza_session=[^;]*)/.exec(header);
	if (!match) throw new Error(`no session cookie in ${JSON.stringify(header)}`);
	return match[1]!;
}

/** The actor a request carrying `cookie` resolves to. */
export function actorOf(hub: Hub, cookie: string): Promise<Actor> {
	return resolveActor(request('GET', '/api/v1/auth/me', undefined, { cookie }), hub);
}

export interface Staff {
	actor: Extract<Actor, { kind: 'account' }>;
	cookie: string;
	email: string;
}

async function asStaff(hub: Hub, response: Response, email: string): Promise<Staff> {
	if (response.status !== 201) throw new Error(`${response.status}: ${await response.text()}`);
	const cookie = cookieOf(response);
	const actor = await actorOf(hub, cookie);
	if (actor.kind !== 'account') throw new Error('the new session does not resolve');
	return { actor, cookie, email };
}

export async function setUpHub(hub: Hub, organisation = 'City of Example'): Promise<Staff> {
	const email = 'admin@example.org';
	const body = { organisation, name: 'Ada Admin', email, password };
	return asStaff(hub, await handleSetup(request('POST', '/api/v1/setup', body), ctx(hub)), email);
}

/** Invites `email` as `role` and accepts it: a logged-in account of the admin's organisation. */
export async function invite(
	hub: Hub,
	admin: Staff,
	email: string,
	role: 'admin' | 'facilitator' = 'facilitator'
): Promise<Staff> {
	const created = await handleCreateInvite(
		request('POST', '/api/v1/invites', { email, role }),
		ctx(hub, admin.actor)
	);
	if (created.status !== 201) throw new Error(`${created.status}: ${await created.text()}`);
	const { invite } = (await created.json()) as { invite: { token: string } };
	const accepted = await handleAcceptInvite(
		request('POST', `/api/v1/invites/${invite.token}/accept`, {
			name: email.split('@')[0],
			password
		}),
		invite.token,
		ctx(hub)
	);
	return asStaff(hub, accepted, email);
}

export async function count(hub: Hub, table: string): Promise<number> {
	const rows = await hub.db.query<{ n: string | number }>(`SELECT count(*) AS n FROM ${table}`);
	return Number(rows[0]!.n);
}
