import { describe, expect, it } from 'vitest';
import { absoluteUrl, groupJoinCode, joinLink, toMs } from '$lib/ui/staff/join-code';

describe('groupJoinCode', () => {
	it('splits a ten-character code into groups for reading aloud, never a lone last letter', () => {
		expect(groupJoinCode('K7MR2XQ9TB')).toEqual(['K7M', 'R2X', 'Q9TB']);
	});

	it('keeps codes that divide evenly in equal groups', () => {
		expect(groupJoinCode('ABCDEFGHJ')).toEqual(['ABC', 'DEF', 'GHJ']);
		expect(groupJoinCode('ABCDEFGH')).toEqual(['ABC', 'DEF', 'GH']);
	});

	it('ignores spaces and dashes someone typed and upper-cases', () => {
		expect(groupJoinCode('k7m-r2x q9tb')).toEqual(['K7M', 'R2X', 'Q9TB']);
	});

	it('handles short and empty codes', () => {
		expect(groupJoinCode('AB')).toEqual(['AB']);
		expect(groupJoinCode('A')).toEqual(['A']);
		expect(groupJoinCode('')).toEqual([]);
	});

	it('keeps every character in order', () => {
		const code = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
		for (let n = 1; n <= code.length; n++)
			expect(groupJoinCode(code.slice(0, n)).join('')).toBe(code.slice(0, n));
	});
});

describe('links', () => {
	it('builds the absolute join link on the hub origin', () => {
		expect(joinLink('https://hub.example.org', 'K7MR2XQ9TB')).toBe(
			'https://hub.example.org/join/K7MR2XQ9TB'
		);
	});

	it('makes the hub’s invite path absolute', () => {
		expect(absoluteUrl('http://127.0.0.1:4173', '/invite/abc_DEF-1')).toBe(
			'http://127.0.0.1:4173/invite/abc_DEF-1'
		);
	});
});

describe('toMs', () => {
	it('reads ISO text, epoch numbers and digit strings', () => {
		expect(toMs('2027-06-30T10:00:00.000Z')).toBe(Date.UTC(2027, 5, 30, 10));
		expect(toMs(1_700_000_000_000)).toBe(1_700_000_000_000);
		expect(toMs('1700000000000')).toBe(1_700_000_000_000);
	});

	it('answers NaN for anything else', () => {
		expect(toMs(undefined)).toBeNaN();
		expect(toMs('')).toBeNaN();
		expect(toMs('soon')).toBeNaN();
	});
});
