/**
 * Who is asking: a live session cookie makes an account actor; else a valid participant token
 * (`Authorization: Bearer p1.…`, or `?token=` on GET /api/v1/events because EventSource cannot
 * set headers) makes a participant actor; everyone else is anonymous. An invalid credential
 * is not an error here: it is simply no credential, and the route decides what anonymous may do.
 */
import type { Actor } from '$lib/domain/auth';
import type { Hub } from '../hub';
import { findSession, sessionToken } from './sessions';
import { verifyParticipantToken } from './tokens';

const anonymous: Actor = { kind: 'anonymous' };

function bearerToken(request: Request): string | null {
	const header = request.headers.get('authorization');
	const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
	if (match) return match[1]!;
	const url = new URL(request.url);
	if (request.method === 'GET' && url.pathname === '/api/v1/events')
		return url.searchParams.get('token');
	return null;
}

export async function resolveActor(
	request: Request,
	hub: Hub,
	now: number = Date.now()
): Promise<Actor> {
	const session = sessionToken(request);
	if (session) {
		const account = await findSession(hub.db, session, now);
		if (account) return account;
	}
	const token = bearerToken(request);
	if (token && token.length <= 1000) {
		const claims = await verifyParticipantToken(hub, token, now);
		if (claims)
			return { kind: 'participant', participant: claims.participant, space: claims.space };
	}
	return anonymous;
}
