import { describe, expect, it } from 'vitest';
import { secure, securityHeaders } from '../../../src/lib/server/http/headers';

describe('security headers', () => {
	it('sets the usual headers on every response, HSTS only over https', () => {
		const plain = secure(new Response('ok'), new URL('http://localhost:3000/'));
		expect(plain.headers.get('x-content-type-options')).toBe('nosniff');
		expect(plain.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
		expect(plain.headers.get('x-frame-options')).toBe('DENY');
		expect(plain.headers.get('cross-origin-opener-policy')).toBe('same-origin');
		expect(plain.headers.get('permissions-policy')).toBe(
			'camera=(self), geolocation=(self), microphone=()'
		);
		expect(plain.headers.get('strict-transport-security')).toBeNull();
		const tls = secure(new Response('ok'), new URL('https://hub.example.org/api/v1/health'));
		expect(tls.headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}/);
	});

	it('copies a response whose headers cannot change', async () => {
		const locked = Response.redirect('http://hub.test/elsewhere', 303);
		expect(() => locked.headers.set('x-test', '1')).toThrow();
		const answer = secure(locked, new URL('http://hub.test/'));
		expect(answer.status).toBe(303);
		expect(answer.headers.get('location')).toBe('http://hub.test/elsewhere');
		for (const [name, value] of Object.entries(securityHeaders))
			expect(answer.headers.get(name)).toBe(value);
	});
});
