import { context } from '$lib/server/http/context';
import { handleDuplicateSpace } from '$lib/server/workshop/duplicate';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) =>
	handleDuplicateSpace(event.request, event.params.space, await context(event));
