/**
 * Join codes: 10 characters from a 31-letter alphabet without look-alikes (≈ 8·10^14 codes),
 * drawn with crypto.randomInt, so with join's per-IP rate limit guessing one takes ages.
 */
import { randomInt } from 'node:crypto';
import { joinCodeAlphabet, joinCodeLength } from '$lib/domain/auth';

export function newJoinCode(): string {
	let code = '';
	for (let i = 0; i < joinCodeLength; i++)
		code += joinCodeAlphabet[randomInt(joinCodeAlphabet.length)];
	return code;
}

/** What a person typed, as stored: upper case, no spaces or dashes. */
export function normaliseJoinCode(input: string): string {
	return input.toUpperCase().replace(/[\s-]/g, '');
}
