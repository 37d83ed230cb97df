import { context } from '$lib/server/http/context';
import { handleRemoveFacilitator } from '$lib/server/spaces/facilitators';
import type { RequestHandler } from './$types';

export const DELETE: RequestHandler = async (event) =>
	handleRemoveFacilitator(event.params.space, event.params.account, await context(event));
