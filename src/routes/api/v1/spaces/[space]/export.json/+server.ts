import { context } from '$lib/server/http/context';
import { handleExportJson } from '$lib/server/workshop/export';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) =>
	handleExportJson(event.request, event.params.space, await context(event));
