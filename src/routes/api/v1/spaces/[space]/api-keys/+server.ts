import { context } from '$lib/server/http/context';
import { handleCreateApiKey, handleListApiKeys } from '$lib/server/open311/keys';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) =>
	handleListApiKeys(event.params.space, await context(event));

export const POST: RequestHandler = async (event) =>
	handleCreateApiKey(event.request, event.params.space, await context(event));
