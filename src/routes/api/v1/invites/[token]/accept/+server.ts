import { handleAcceptInvite } from '$lib/server/auth/invites';
import { context } from '$lib/server/http/context';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) =>
	handleAcceptInvite(event.request, event.params.token, await context(event));
