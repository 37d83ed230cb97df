import { handleExportGeojson } from '$lib/server/exports/geojson';
import { context } from '$lib/server/http/context';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) =>
	handleExportGeojson(event.request, event.params.space, await context(event));
