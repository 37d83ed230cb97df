/**
 * Every request passes here: API requests get their actor (session cookie, participant token
 * or anonymous) on `event.locals.actor`, and every response gets the security headers. The
 * Content-Security-Policy comes from `kit.csp` in svelte.config.js.
 */
import type { Handle, ServerInit } from '@sveltejs/kit';
import { resolveActor } from '$lib/server/auth/actor';
import { secure } from '$lib/server/http/headers';
import { getHub } from '$lib/server/hub';

/** Opens the hub (database, migrations, live channel) before the first request is served. */
export const init: ServerInit = async () => {
	await getHub();
};

export const handle: Handle = async ({ event, resolve }) => {
	// Pages and assets need no actor: the app shell is the same for everyone.
	event.locals.actor = event.url.pathname.startsWith('/api/')
		? await resolveActor(event.request, await getHub())
		: { kind: 'anonymous' };
	return secure(await resolve(event), event.url);
};
