/**
 * Participant tokens: `p1.<base64url(JSON {s, p, i})>.<base64url(HMAC-SHA256)>` signed with the
 * hub secret. The signature alone is not enough: a token counts only while its participants
 * row exists unrevoked and its space is not past its retention date, so a facilitator can
 * revoke it and retention ends it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { isUuid } from '$lib/domain/ids';
import type { Hub } from '../hub';
import { hubSecret } from './secret';

export interface TokenClaims {
	space: string;
	participant: string;
	issuedAt: number;
}

const prefix = 'p1';

function sign(secret: Buffer, payload: string): Buffer {
	return createHmac('sha256', secret).update(`${prefix}.${payload}`).digest();
}

export async function signParticipantToken(hub: Hub, claims: TokenClaims): Promise<string> {
	const body = { s: claims.space, p: claims.participant, i: claims.issuedAt };
	const payload = Buffer.from(JSON.stringify(body)).toString('base64url');
	const signature = sign(await hubSecret(hub), payload).toString('base64url');
	return `${prefix}.${payload}.${signature}`;
}

/** The claims of a well-signed token, or null. Says nothing yet about revocation. */
export async function readParticipantToken(hub: Hub, token: string): Promise<TokenClaims | null> {
	const [version, payload, signature, ...rest] = token.split('.');
	if (version !== prefix || !payload || !signature || rest.length > 0) return null;
	const expected = sign(await hubSecret(hub), payload);
	const actual = Buffer.from(signature, 'base64url');
	if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
	try {
		const body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
			s?: unknown;
			p?: unknown;
			i?: unknown;
		};
		if (typeof body.s !== 'string' || typeof body.p !== 'string' || !isUuid(body.p)) return null;
		return { space: body.s, participant: body.p, issuedAt: Number(body.i) };
	} catch {
		return null;
	}
}

/** UTC calendar date of `now`, as retention dates are compared. */
export function today(now: number): string {
	return new Date(now).toISOString().slice(0, 10);
}

/** The claims when the token is signed, not revoked and its space not past retention. */
export async function verifyParticipantToken(
	hub: Hub,
	token: string,
	now: number = Date.now()
): Promise<TokenClaims | null> {
	const claims = await readParticipantToken(hub, token);
	if (!claims) return null;
	const rows = await hub.db.query<{ retention: string | null }>(
		`SELECT s.retention_until::text AS retention FROM participants p
		JOIN spaces s ON s.id = p.space
		WHERE p.space = $1 AND p.participant = $2 AND p.revoked_at IS NULL`,
		[claims.space, claims.participant]
	);
	const row = rows[0];
	if (!row || (row.retention !== null && row.retention < today(now))) return null;
	return claims;
}
