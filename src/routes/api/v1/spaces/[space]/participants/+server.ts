import { context } from '$lib/server/http/context';
import { handleListParticipants } from '$lib/server/spaces/join';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) =>
	handleListParticipants(event.params.space, await context(event));
