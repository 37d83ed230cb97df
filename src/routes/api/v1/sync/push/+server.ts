import { handlePush } from '$lib/server/api';
import { getHub } from '$lib/server/hub';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ request }) => handlePush(request, await getHub());
