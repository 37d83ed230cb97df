import { context } from '$lib/server/http/context';
import { handleServices } from '$lib/server/open311/handlers';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) =>
	handleServices(event.request, await context(event));
