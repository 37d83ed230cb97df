import { handleAudit } from '$lib/server/auth/admin';
import { context } from '$lib/server/http/context';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => handleAudit(await context(event));
