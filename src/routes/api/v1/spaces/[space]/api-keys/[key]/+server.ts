import { context } from '$lib/server/http/context';
import { handleRevokeApiKey } from '$lib/server/open311/keys';
import type { RequestHandler } from './$types';

export const DELETE: RequestHandler = async (event) =>
	handleRevokeApiKey(event.params.space, event.params.key, await context(event));
