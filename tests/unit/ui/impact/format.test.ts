import { describe, expect, it } from 'vitest';
import { formatComputedAt, formatCount, formatTonnes, imageFileName } from '$lib/ui/impact/format';

describe('impact number formats', () => {
	it('groups counts in the reader language', () => {
		expect(formatCount(1234, 'en')).toBe('1,234');
		expect(formatCount(1234, 'de')).toBe('1.234');
	});

	it('shows one decimal for small tonnages and whole tonnes for large ones', () => {
		expect(formatTonnes(38.04, 'en')).toBe('38');
		expect(formatTonnes(2.46, 'en')).toBe('2.5');
		expect(formatTonnes(2.46, 'fr')).toBe('2,5');
		expect(formatTonnes(1234.56, 'en')).toBe('1,235');
	});

	it('formats the computed-at time and ignores a time that is not one', () => {
		expect(formatComputedAt('2026-05-03T14:02:00Z', 'en')).toMatch(/2026/);
		expect(formatComputedAt('soon', 'en')).toBe('');
	});

	it('makes a safe image file name', () => {
		expect(imageFileName('Car-Free May!')).toBe('impact-car-free-may.png');
		expect(imageFileName('***')).toBe('impact-plaza.png');
	});
});
