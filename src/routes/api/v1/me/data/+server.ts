import { context } from '$lib/server/http/context';
import { handleEraseMyData, handleExportMyData } from '$lib/server/privacy/handlers';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) =>
	handleExportMyData(event.request, await context(event));

export const DELETE: RequestHandler = async (event) =>
	handleEraseMyData(event.request, await context(event));
