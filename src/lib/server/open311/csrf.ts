/**
 * SvelteKit refuses every cross-origin form POST (`kit.csrf`), which would also refuse Open311
 * clients: the spec's POST requests.json is application/x-www-form-urlencoded, sent by servers
 * that set no Origin header. With `kit.csrf.trustedOrigins: ['*']` in svelte.config.js, the hook
 * calls this instead: the same check as SvelteKit's for every path but the Open311 POST, which
 * needs no cookie (its api_key authorises it) and so cannot be forged by another site.
 */
/** The content types SvelteKit guards (a browser form can send them to any origin). */
const formTypes = [
	'application/x-www-form-urlencoded',
	'multipart/form-data',
	'text/plain',
	'application/x-sveltekit-formdata'
];
const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const open311PostPath = '/api/v1/open311/v2/requests.json';

/** A 403 for a cross-site form submission SvelteKit would have refused, else null. */
export function crossSiteFormRefusal(request: Request, url: URL): Response | null {
	if (!unsafe.has(request.method)) return null;
	const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
	if (!formTypes.includes(type)) return null;
	if (request.headers.get('origin') === url.origin) return null;
	if (request.method === 'POST' && url.pathname === open311PostPath) return null;
	return new Response(`Cross-site ${request.method} form submissions are forbidden`, {
		status: 403,
		headers: { 'content-type': 'text/plain; charset=utf-8' }
	});
}
