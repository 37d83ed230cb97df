import { version } from '$app/environment';
import { handleHealth } from '$lib/server/api';
import { getHub } from '$lib/server/hub';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => handleHealth(await getHub(), version);
