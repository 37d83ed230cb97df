import { handleCreateInvite } from '$lib/server/auth/invites';
import { context } from '$lib/server/http/context';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) =>
	handleCreateInvite(event.request, await context(event));
