import { context } from '$lib/server/http/context';
import { handleExportDataCard } from '$lib/server/workshop/export';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) =>
	handleExportDataCard(event.params.space, await context(event));
