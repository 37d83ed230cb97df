import { context } from '$lib/server/http/context';
import { handleModeration } from '$lib/server/moderation/handlers';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) =>
	handleModeration(event.request, await context(event), event.params, true);
