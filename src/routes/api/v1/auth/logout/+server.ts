import { handleLogout } from '$lib/server/auth/handlers';
import { context } from '$lib/server/http/context';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) =>
	handleLogout(event.request, await context(event));
