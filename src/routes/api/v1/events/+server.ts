import { handleEvents } from '$lib/server/api';
import { context } from '$lib/server/http/context';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) =>
	handleEvents(event.request, await context(event));
