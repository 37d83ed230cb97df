import { handleConfig } from '$lib/server/config';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () => handleConfig();
