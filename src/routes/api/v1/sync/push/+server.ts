import { handlePush } from '$lib/server/api';
import { context } from '$lib/server/http/context';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) =>
	handlePush(event.request, await context(event));
