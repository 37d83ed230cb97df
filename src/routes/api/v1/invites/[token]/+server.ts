import { handleGetInvite } from '$lib/server/auth/invites';
import { context } from '$lib/server/http/context';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) =>
	handleGetInvite(event.params.token, await context(event));
