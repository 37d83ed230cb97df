/**
 * Password hashing with scrypt from node:crypto: `scrypt$N$r$p$salt$hash` (salt and hash in
 * base64url), so the cost can be raised later and old hashes still verify. Unknown emails are
 * checked against a dummy hash, so a login takes as long whether or not the account exists.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const cost = { N: 2 ** 15, r: 8, p: 1 };
const keyLength = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
	// scrypt needs 128·N·r bytes; node's default ceiling (32 MiB) is exactly N=2^15, r=8.
	const maxmem = 256 * options.N! * options.r!;
	return new Promise((resolve, reject) =>
		scrypt(password.normalize('NFC'), salt, keyLength, { ...options, maxmem }, (error, key) =>
			error ? reject(error) : resolve(key)
		)
	);
}

export async function hashPassword(password: string): Promise<string> {
	const salt = randomBytes(16);
	const hash = await derive(password, salt, cost);
	const { N, r, p } = cost;
	return `scrypt$${N}$${r}$${p}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

/** True when `password` matches `stored`; false for a wrong password or a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const [scheme, N, r, p, salt, hash] = stored.split('$');
	if (scheme !== 'scrypt' || !salt || !hash) return false;
	const expected = Buffer.from(hash, 'base64url');
	const options = { N: Number(N), r: Number(r), p: Number(p) };
	if (![options.N, options.r, options.p].every((n) => Number.isInteger(n) && n > 0)) return false;
	const actual = await derive(password, Buffer.from(salt, 'base64url'), options);
	return actual.length === expected.length && timingSafeEqual(actual, expected);
}

let dummy: Promise<string> | undefined;

/** A hash no password matches in practice; verified against when the email is unknown. */
export function dummyHash(): Promise<string> {
	dummy ??= hashPassword(randomBytes(24).toString('base64url'));
	return dummy;
}
