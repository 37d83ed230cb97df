import { describe, expect, it } from 'vitest';
import { allowTileOrigins, withTileOrigins } from '../../../src/lib/server/http/csp';

const kit =
	"default-src 'self'; script-src 'self' 'sha256-abc='; img-src 'self' data: blob:; " +
	"connect-src 'self'; object-src 'none'; frame-ancestors 'none'";

const directive = (policy: string, name: string) =>
	policy
		.split(';')
		.map((part) => part.trim())
		.find((part) => part.startsWith(`${name} `));

describe('tile origins in the Content-Security-Policy', () => {
	it('adds the tile origin to img-src and connect-src and leaves the rest alone', () => {
		const policy = withTileOrigins(kit, ['https://tile.example']);
		expect(directive(policy, 'img-src')).toBe("img-src 'self' data: blob: https://tile.example");
		expect(directive(policy, 'connect-src')).toBe("connect-src 'self' https://tile.example");
		expect(directive(policy, 'script-src')).toBe("script-src 'self' 'sha256-abc='");
		expect(directive(policy, 'object-src')).toBe("object-src 'none'");
		expect(directive(policy, 'frame-ancestors')).toBe("frame-ancestors 'none'");
		expect(directive(policy, 'default-src')).toBe("default-src 'self'");
	});

	it('adds every origin once, and nothing twice', () => {
		const origins = ['https://a.tile.example', 'https://b.tile.example'];
		const once = withTileOrigins(kit, origins);
		expect(withTileOrigins(once, origins)).toBe(once);
		expect(directive(once, 'img-src')).toBe(
			"img-src 'self' data: blob: https://a.tile.example https://b.tile.example"
		);
	});

	it('makes a missing directive from default-src, and replaces none', () => {
		const policy = withTileOrigins("default-src 'self'; connect-src 'none'", ['http://t:1']);
		expect(directive(policy, 'img-src')).toBe("img-src 'self' http://t:1");
		expect(directive(policy, 'connect-src')).toBe('connect-src http://t:1');
	});

	it('leaves an empty policy or no origins as they are', () => {
		expect(withTileOrigins('', ['https://t'])).toBe('');
		expect(withTileOrigins(kit, [])).toBe(kit);
	});

	it('sets the header of a page response, copying a response whose headers are immutable', () => {
		const page = new Response('<html>', { headers: { 'content-security-policy': kit } });
		const out = allowTileOrigins(page, ['https://tile.example']);
		expect(out.headers.get('content-security-policy')).toContain(
			"img-src 'self' data: blob: https://tile.example"
		);
		const immutable = Response.redirect('https://plaza.example/', 302);
		expect(allowTileOrigins(immutable, ['https://tile.example'])).toBe(immutable);
		const frozen = new Response('x', { headers: { 'content-security-policy': kit } });
		Object.defineProperty(frozen.headers, 'set', {
			value: () => {
				throw new TypeError('immutable');
			}
		});
		const copy = allowTileOrigins(frozen, ['https://tile.example']);
		expect(copy).not.toBe(frozen);
		expect(copy.headers.get('content-security-policy')).toContain('https://tile.example');
	});

	it('leaves a response without a policy (API answers) as it is', () => {
		const api = new Response('{}');
		expect(
			allowTileOrigins(api, ['https://tile.example']).headers.has('content-security-policy')
		).toBe(false);
	});
});
