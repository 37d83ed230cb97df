import { handleCreateOrganisation, handleListOrganisations } from '$lib/server/auth/organisations';
import { context } from '$lib/server/http/context';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => handleListOrganisations(await context(event));
export const POST: RequestHandler = async (event) =>
	handleCreateOrganisation(event.request, await context(event));
