import { context } from '$lib/server/http/context';
import { handleSpaceImpact } from '$lib/server/pledge/handlers';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) =>
	handleSpaceImpact(event.params.space, await context(event));
