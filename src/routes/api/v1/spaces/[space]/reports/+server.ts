import { context } from '$lib/server/http/context';
import { handleListReports } from '$lib/server/moderation/handlers';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) =>
	handleListReports(await context(event), event.params.space);
