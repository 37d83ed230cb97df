/** Who may call an account route: checks that end the request with 401 or 403. */
import type { Actor } from '$lib/domain/auth';
import { PlazaError } from '$lib/domain/errors';

export type AccountActor = Extract<Actor, { kind: 'account' }>;

export function requireAccount(actor: Actor): AccountActor {
	if (actor.kind === 'account') return actor;
	throw new PlazaError('unauthorised', 'Log in to do this.', 401);
}

export function requireAdmin(actor: Actor): AccountActor {
	const account = requireAccount(actor);
	if (account.role === 'admin') return account;
	throw new PlazaError('forbidden', 'Only an administrator of the organisation can do this.', 403);
}
