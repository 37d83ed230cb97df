import { context } from '$lib/server/http/context';
import { handlePostRequest, handleRequests } from '$lib/server/open311/handlers';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) =>
	handleRequests(event.request, await context(event));

export const POST: RequestHandler = async (event) =>
	handlePostRequest(event.request, await context(event));
