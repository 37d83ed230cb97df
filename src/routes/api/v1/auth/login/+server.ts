import { handleLogin } from '$lib/server/auth/handlers';
import { context } from '$lib/server/http/context';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) =>
	handleLogin(event.request, await context(event));
