import { handlePull } from '$lib/server/api';
import { getHub } from '$lib/server/hub';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ request }) => handlePull(request, await getHub());
