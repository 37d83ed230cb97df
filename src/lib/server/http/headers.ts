/**
 * The security headers every hub response carries (set in hooks.server.ts). The
 * Content-Security-Policy is not here: SvelteKit's `kit.csp` makes it, with its script hashes.
 */
export const securityHeaders: Readonly<Record<string, string>> = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'x-frame-options': 'DENY',
	'cross-origin-opener-policy': 'same-origin',
	'permissions-policy': 'camera=(self), geolocation=(self), microphone=()'
};

/** `response` with the security headers (HSTS over https); a copy if its headers are immutable. */
export function secure(response: Response, url: URL): Response {
	const headers: Record<string, string> = { ...securityHeaders };
	if (url.protocol === 'https:') headers['strict-transport-security'] = 'max-age=31536000';
	try {
		for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
		return response;
	} catch {
		const copy = new Response(response.body, response);
		for (const [name, value] of Object.entries(headers)) copy.headers.set(name, value);
		return copy;
	}
}
