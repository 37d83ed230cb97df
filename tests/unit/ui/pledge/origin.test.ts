import { describe, expect, it } from 'vitest';
import { originParam } from '$lib/ui/pledge/origin';

describe('originParam', () => {
	it('keeps a valid origin (ids lower-cased) and drops anything else', () => {
		const id = '0190A3C4-0000-7000-8000-000000000001';
		expect(originParam(`mapIdea:${id}`)).toBe(`mapIdea:${id.toLowerCase()}`);
		expect(originParam(`activity:${id}`)).toBe(`activity:${id.toLowerCase()}`);
		expect(originParam('javascript:alert(1)')).toBe('');
		expect(originParam(null)).toBe('');
	});
});
