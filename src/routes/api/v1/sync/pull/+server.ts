import { handlePull } from '$lib/server/api';
import { context } from '$lib/server/http/context';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => handlePull(event.request, await context(event));
