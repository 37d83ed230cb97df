import { context } from '$lib/server/http/context';
import { handleJoin } from '$lib/server/spaces/join';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) =>
	handleJoin(event.request, await context(event));
