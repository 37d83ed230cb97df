/**
 * What every account, space and join handler needs besides the request: the hub, who is
 * asking, their address (for rate limits) and the clock. Routes build it from the SvelteKit
 * event; tests build it by hand, with a clock of their choosing.
 */
import type { RequestEvent } from '@sveltejs/kit';
import type { Actor } from '$lib/domain/auth';
import { resolveActor } from '../auth/actor';
import { getHub, type Hub } from '../hub';

export interface Ctx {
	hub: Hub;
	actor: Actor;
	/** The client's IP address, the key of per-IP rate limits. */
	ip: string;
	/** Milliseconds since the epoch: "now" for expiry, retention and rate limits. */
	now: number;
}

export async function context(event: RequestEvent): Promise<Ctx> {
	const hub = await getHub();
	// Typed by hand: the tests' tsconfig does not see app.d.ts, where Locals gets `actor`.
	const resolved = (event.locals as { actor?: Actor }).actor;
	const actor = resolved ?? (await resolveActor(event.request, hub));
	return { hub, actor, ip: event.getClientAddress(), now: Date.now() };
}
