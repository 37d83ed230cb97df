/**
 * Turning a policy decision into an HTTP answer: nobody asking → 401, somebody not allowed →
 * 403. Routes outside push (which refuses per mutation) all go through here.
 */
import type { Actor } from '$lib/domain/auth';
import { PlazaError } from '$lib/domain/errors';

export function requireAccess(actor: Actor, allowed: boolean): void {
	if (allowed) return;
	if (actor.kind === 'anonymous')
		throw new PlazaError('unauthorised', 'Join the space or log in first.', 401);
	throw new PlazaError('forbidden', 'You may not do this in this space.', 403);
}
