import { context } from '$lib/server/http/context';
import { handleAddFacilitator, handleListFacilitators } from '$lib/server/spaces/facilitators';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) =>
	handleListFacilitators(event.params.space, await context(event));
export const POST: RequestHandler = async (event) =>
	handleAddFacilitator(event.request, event.params.space, await context(event));
