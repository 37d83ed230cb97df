import { context } from '$lib/server/http/context';
import { handleJoinPreview } from '$lib/server/spaces/join';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) =>
	handleJoinPreview(event.params.code, await context(event));
