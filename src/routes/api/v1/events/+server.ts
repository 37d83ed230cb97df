import { handleEvents } from '$lib/server/api';
import { getHub } from '$lib/server/hub';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ request }) => handleEvents(request, await getHub());
