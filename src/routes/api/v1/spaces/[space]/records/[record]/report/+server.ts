import { context } from '$lib/server/http/context';
import { handleReport } from '$lib/server/moderation/handlers';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) =>
	handleReport(event.request, await context(event), event.params);
