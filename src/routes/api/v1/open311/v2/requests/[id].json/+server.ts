import { context } from '$lib/server/http/context';
import { handleRequest } from '$lib/server/open311/handlers';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) =>
	handleRequest(event.request, event.params.id, await context(event));
