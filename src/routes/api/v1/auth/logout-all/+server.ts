import { handleLogoutAll } from '$lib/server/auth/handlers';
import { context } from '$lib/server/http/context';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) =>
	handleLogoutAll(event.request, await context(event));
