import { handleMe } from '$lib/server/auth/handlers';
import { context } from '$lib/server/http/context';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => handleMe(await context(event));
