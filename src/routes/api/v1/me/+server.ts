import { context } from '$lib/server/http/context';
import { handleUpdateMe } from '$lib/server/privacy/handlers';
import type { RequestHandler } from './$types';

export const PATCH: RequestHandler = async (event) =>
	handleUpdateMe(event.request, await context(event));
