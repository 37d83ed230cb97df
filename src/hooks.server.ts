/**
 * Every request passes here: a cross-site form submission is refused (SvelteKit's own check,
 * minus the Open311 POST, see server/open311/csrf.ts), API requests get their actor (session
 * cookie, participant token or anonymous) on `event.locals.actor`, and every response gets the
 * security headers. The
 * Content-Security-Policy comes from `kit.csp` in svelte.config.js, plus the configured map
 * tile origins (`PLAZA_TILE_URL`) in `img-src` and `connect-src`.
 */
import type { Handle, ServerInit } from '@sveltejs/kit';
import { resolveActor } from '$lib/server/auth/actor';
import { hubConfig, tileSourceOrigins } from '$lib/server/config';
import { allowTileOrigins } from '$lib/server/http/csp';
import { secure } from '$lib/server/http/headers';
import { getHub } from '$lib/server/hub';
import { crossSiteFormRefusal } from '$lib/server/open311/csrf';

/**
 * Reads the configuration (a value that does not parse stops start-up) and opens the hub
 * (database, migrations, live channel) before the first request is served.
 */
export const init: ServerInit = async () => {
	hubConfig();
	await getHub();
};

export const handle: Handle = async ({ event, resolve }) => {
	const refused = crossSiteFormRefusal(event.request, event.url);
	if (refused) return secure(refused, event.url);
	// Pages and assets need no actor: the app shell is the same for everyone.
	event.locals.actor = event.url.pathname.startsWith('/api/')
		? await resolveActor(event.request, await getHub())
		: { kind: 'anonymous' };
	return secure(allowTileOrigins(await resolve(event), tileSourceOrigins()), event.url);
};
