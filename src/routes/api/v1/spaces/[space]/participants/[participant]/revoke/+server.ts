import { context } from '$lib/server/http/context';
import { handleRevoke } from '$lib/server/spaces/join';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) =>
	handleRevoke(event.params.space, event.params.participant, await context(event));
