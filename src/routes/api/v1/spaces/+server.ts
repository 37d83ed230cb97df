import { context } from '$lib/server/http/context';
import { handleCreateSpace, handleListSpaces } from '$lib/server/spaces/handlers';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => handleListSpaces(await context(event));
export const POST: RequestHandler = async (event) =>
	handleCreateSpace(event.request, await context(event));
