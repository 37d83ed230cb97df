import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resolveActor } from '../../../src/lib/server/auth/actor';
import {
	handleLogin,
	handleLogout,
	handleLogoutAll,
	handleMe,
	handleSetup,
	handleSetupStatus
} from '../../../src/lib/server/auth/handlers';
import type { Hub } from '../../../src/lib/server/hub';
import { engines, type TestDatabase } from '../engines';
import {
	actorOf,
	anonymous,
	cookieOf,
	count,
	ctx,
	password,
	request,
	setUpHub,
	type Staff
} from './kit';

const login = (body: unknown, origin?: string) =>
	request('POST', '/api/v1/auth/login', body, {}, origin);

describe.each(engines)('setup and login on $name', (engine) => {
	let database: TestDatabase;
	let hub: Hub;
	let admin: Staff;
	beforeAll(async () => {
		database = await engine.create();
	});
	// A hub of its own per test: same database, fresh rate limits.
	beforeEach(async () => {
		hub = await database.hub();
	});
	afterAll(() => database.drop());

	it('refuses a malformed setup and writes nothing', async () => {
		const bad = { organisation: 'City', name: 'Ada', email: 'not-an-email', password };
		const response = await handleSetup(request('POST', '/api/v1/setup', bad), ctx(hub));
		expect(response.status).toBe(400);
		expect(await response.json()).toMatchObject({ error: { code: 'invalid-request' } });
		const short = { organisation: 'City', name: 'Ada', email: 'a@example.org', password: 'short' };
		expect((await handleSetup(request('POST', '/api/v1/setup', short), ctx(hub))).status).toBe(400);
		expect(await count(hub, 'organisations')).toBe(0);
		expect(await count(hub, 'accounts')).toBe(0);
	});

	it('sets up once, logged in as admin, then answers 409', async () => {
		expect(await (await handleSetupStatus(ctx(hub))).json()).toEqual({ needed: true });
		admin = await setUpHub(hub);
		expect(admin.actor).toMatchObject({ role: 'admin', email: 'admin@example.org' });
		expect(await (await handleSetupStatus(ctx(hub))).json()).toEqual({ needed: false });
		const again = { organisation: 'Other', name: 'Eve', email: 'eve@example.org', password };
		const response = await handleSetup(request('POST', '/api/v1/setup', again), ctx(hub));
		expect(response.status).toBe(409);
		expect(await response.json()).toMatchObject({ error: { code: 'already-set-up' } });
		expect(await count(hub, 'accounts')).toBe(1);
		const [hash] = await hub.db.query<{ password_hash: string }>(
			'SELECT password_hash FROM accounts'
		);
		expect(hash!.password_hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
		expect(hash!.password_hash).not.toContain(password);
	});

	it('logs in with the right password, in any letter case of the email', async () => {
		const response = await handleLogin(login({ email: ' Admin@Example.ORG ', password }), ctx(hub));
		expect(response.status).toBe(200);
		const { account } = (await response.json()) as { account: Record<string, unknown> };
		expect(account).toMatchObject({
			id: admin.actor.accountId,
			organisationName: 'City of Example',
			role: 'admin',
			email: 'admin@example.org',
			name: 'Ada Admin'
		});
		expect(await actorOf(hub, cookieOf(response))).toMatchObject({ kind: 'account' });
	});

	it('answers a wrong password and an unknown email with the same 401 body', async () => {
		const wrong = await handleLogin(
			login({ email: admin.email, password: 'x'.repeat(12) }),
			ctx(hub)
		);
		const unknown = await handleLogin(login({ email: 'nobody@example.org', password }), ctx(hub));
		expect(wrong.status).toBe(401);
		expect(unknown.status).toBe(401);
		const body = await wrong.json();
		expect(body).toMatchObject({ error: { code: 'invalid-credentials' } });
		expect(await unknown.json()).toEqual(body);
		expect(wrong.headers.get('set-cookie')).toBeNull();
	});

	it('sets an HttpOnly, SameSite=Lax, Path=/ cookie, Secure except on localhost', async () => {
		const remote = await handleLogin(login({ email: admin.email, password }), ctx(hub));
		const flags = remote.headers.get('set-cookie')!.split(/;\s*/);
		expect(flags[0]).toMatch(/^plaza_session=[\w-]{43}$/);
		expect(flags).toEqual(
			expect.arrayContaining(['HttpOnly', 'SameSite=Lax', 'Path=/', 'Secure', 'Max-Age=2592000'])
		);
		const local = await handleLogin(
			login({ email: admin.email, password }, 'http://localhost:3000'),
			ctx(hub)
		);
		const localFlags = local.headers.get('set-cookie')!.split(/;\s*/);
		expect(localFlags).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Lax', 'Path=/']));
		expect(localFlags).not.toContain('Secure');
		// The database keeps only a hash of the token.
		const token = flags[0]!.split('=')[1]!;
		const stored = await hub.db.query('SELECT 1 FROM sessions WHERE token_hash = $1', [token]);
		expect(stored).toEqual([]);
	});

	it('rate-limits logins per email and per IP with 429 and Retry-After', async () => {
		const now = Date.now();
		const ip = '192.0.2.77';
		const wrong = { email: admin.email, password: 'wrong password!' };
		for (let i = 0; i < 5; i++)
			expect(
				(await handleLogin(login(wrong), ctx(hub, anonymous, { now, ip: `192.0.2.${i}` }))).status
			).toBe(401);
		// The sixth try for this email is refused even with the right password, from a new IP.
		const blocked = await handleLogin(
			login({ email: admin.email, password }),
			ctx(hub, anonymous, { now: now + 1000, ip })
		);
		expect(blocked.status).toBe(429);
		expect(await blocked.json()).toMatchObject({ error: { code: 'rate-limited' } });
		expect(Number(blocked.headers.get('retry-after'))).toBe(59);
		// A minute later the window has moved on.
		const later = await handleLogin(
			login({ email: admin.email, password }),
			ctx(hub, anonymous, { now: now + 60_001, ip })
		);
		expect(later.status).toBe(200);

		const attacker = '192.0.2.200';
		for (let i = 0; i < 10; i++) {
			const guess = { email: `user${i}@example.org`, password };
			const answer = await handleLogin(login(guess), ctx(hub, anonymous, { now, ip: attacker }));
			expect(answer.status).toBe(401);
		}
		const eleventh = await handleLogin(
			login({ email: 'user10@example.org', password }),
			ctx(hub, anonymous, { now, ip: attacker })
		);
		expect(eleventh.status).toBe(429);
		expect(Number(eleventh.headers.get('retry-after'))).toBeGreaterThan(0);
	});

	it('reports who is logged in, and nobody for anonymous requests', async () => {
		const me = await handleMe(ctx(hub, admin.actor));
		expect(await me.json()).toMatchObject({ account: { id: admin.actor.accountId } });
		expect(await (await handleMe(ctx(hub))).json()).toEqual({ account: null });
	});

	it('logs out this session only, and everywhere', async () => {
		const sessions = await Promise.all(
			[0, 1, 2].map(async () =>
				cookieOf(await handleLogin(login({ email: admin.email, password }), ctx(hub)))
			)
		);
		const [a, b, c] = sessions as [string, string, string];
		const out = await handleLogout(
			request('POST', '/api/v1/auth/logout', undefined, { cookie: a }),
			ctx(hub, await actorOf(hub, a))
		);
		expect(out.status).toBe(204);
		expect(out.headers.get('set-cookie')).toMatch(/^plaza_session=; .*Max-Age=0/);
		expect(await actorOf(hub, a)).toEqual(anonymous);
		expect(await actorOf(hub, b)).toMatchObject({ kind: 'account' });

		const everywhere = await handleLogoutAll(
			request('POST', '/api/v1/auth/logout-all', undefined, { cookie: b }),
			ctx(hub, await actorOf(hub, b))
		);
		expect(everywhere.status).toBe(204);
		expect(await actorOf(hub, b)).toEqual(anonymous);
		expect(await actorOf(hub, c)).toEqual(anonymous);
		expect(await actorOf(hub, admin.cookie)).toEqual(anonymous);
		const anon = await handleLogoutAll(request('POST', '/api/v1/auth/logout-all'), ctx(hub));
		expect(anon.status).toBe(401);
	});

	it('ignores expired sessions and unknown cookies', async () => {
		const fresh = cookieOf(await handleLogin(login({ email: admin.email, password }), ctx(hub)));
		const req = request('GET', '/api/v1/auth/me', undefined, { cookie: `theme=dark; ${fresh}` });
		expect(await resolveActor(req, hub)).toMatchObject({ kind: 'account' });
		expect(await resolveActor(req, hub, Date.now() + 31 * 86_400_000)).toEqual(anonymous);
		expect(await actorOf(hub, 'plaza_session=forged')).toEqual(anonymous);
	});
});
