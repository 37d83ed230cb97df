import { handleSetup, handleSetupStatus } from '$lib/server/auth/handlers';
import { context } from '$lib/server/http/context';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => handleSetupStatus(await context(event));
export const POST: RequestHandler = async (event) =>
	handleSetup(event.request, await context(event));
