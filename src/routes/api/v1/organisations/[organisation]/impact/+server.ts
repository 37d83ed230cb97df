import { context } from '$lib/server/http/context';
import { handleOrganisationImpact } from '$lib/server/pledge/handlers';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) =>
	handleOrganisationImpact(event.params.organisation, await context(event));
