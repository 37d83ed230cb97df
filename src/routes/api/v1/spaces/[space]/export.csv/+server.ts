import { context } from '$lib/server/http/context';
import { handleExportCsv } from '$lib/server/workshop/export';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) =>
	handleExportCsv(event.request, event.params.space, await context(event));
