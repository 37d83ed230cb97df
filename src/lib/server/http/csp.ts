/**
 * The Content-Security-Policy of page responses is SvelteKit's (`kit.csp` in svelte.config.js,
 * with its script hashes), which is static; the map's tile server is configuration. This adds
 * the configured tile origins to `img-src` (Leaflet's tile images) and `connect-src` (saving an
 * area for offline use fetches the tiles) of a policy. The service worker precaches the app
 * shell with the header it had then, and fetches the shell again with every new app version.
 */

/** `policy` with `origins` appended to `img-src` and `connect-src` (made from `default-src` if absent). */
export function withTileOrigins(policy: string, origins: readonly string[]): string {
	if (origins.length === 0 || policy.trim() === '') return policy;
	const directives = policy
		.split(';')
		.map((part) => part.trim())
		.filter(Boolean)
		.map((part) => part.split(/\s+/));
	const fallback = directives.find(([name]) => name === 'default-src')?.slice(1) ?? [];
	for (const name of ['img-src', 'connect-src']) {
		let directive = directives.find(([n]) => n === name);
		if (!directive) {
			directive = [name, ...fallback];
			directives.push(directive);
		}
		// 'none' allows nothing; with a source beside it browsers ignore it, so drop it.
		const sources = directive.slice(1).filter((source) => source !== "'none'");
		for (const origin of origins) if (!sources.includes(origin)) sources.push(origin);
		directive.splice(1, directive.length - 1, ...sources);
	}
	return directives.map((parts) => parts.join(' ')).join('; ');
}

/** Adds the tile origins to the response's Content-Security-Policy header, if it has one. */
export function allowTileOrigins(response: Response, origins: readonly string[]): Response {
	const policy = response.headers.get('content-security-policy');
	if (!policy || origins.length === 0) return response;
	const value = withTileOrigins(policy, origins);
	try {
		response.headers.set('content-security-policy', value);
		return response;
	} catch {
		const copy = new Response(response.body, response);
		copy.headers.set('content-security-policy', value);
		return copy;
	}
}
