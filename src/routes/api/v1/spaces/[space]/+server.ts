import { context } from '$lib/server/http/context';
import { handleGetSpace, handleUpdateSpace } from '$lib/server/spaces/handlers';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) =>
	handleGetSpace(event.params.space, await context(event));
export const PATCH: RequestHandler = async (event) =>
	handleUpdateSpace(event.request, event.params.space, await context(event));
