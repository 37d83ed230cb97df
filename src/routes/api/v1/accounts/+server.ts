import { handleListAccounts } from '$lib/server/auth/admin';
import { context } from '$lib/server/http/context';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => handleListAccounts(await context(event));
