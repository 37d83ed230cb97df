/**
 * The impact dashboards' reads (issue 6): the hub computes the totals from the synced pledges
 * and suppresses small groups, so the client only fetches them. Errors are the fetch wrapper's
 * `PlazaError` (`network` when the hub cannot be reached: the dashboard says it needs a
 * connection). A participant's token for the space goes along, so a joined participant can read
 * a space whose dashboard is not public; staff travel with their session cookie.
 */
import { PlazaError } from '$lib/domain/errors';
import type { OrganisationImpactResponse, SpaceImpactResponse } from '$lib/domain/pledge/impact';
import { spaceToken } from '$lib/store/spaces';
import { request, type RequestOptions } from './api';

export interface ImpactDeps {
	request: <T>(path: string, options?: RequestOptions) => Promise<T>;
	token: (space: string) => Promise<string | undefined>;
}

const defaultDeps: ImpactDeps = {
	request,
	// No local database (private browsing, a broken IndexedDB) means no token, not a failure.
	token: (space) => spaceToken(space).catch(() => undefined)
};

/** GET /api/v1/spaces/<space>/impact */
export async function fetchSpaceImpact(
	space: string,
	deps: ImpactDeps = defaultDeps
): Promise<SpaceImpactResponse> {
	const path = `/api/v1/spaces/${encodeURIComponent(space)}/impact`;
	const token = (await deps.token(space)) ?? null;
	try {
		return await deps.request<SpaceImpactResponse>(path, { token });
	} catch (error) {
		// A revoked or stale token must not hide a dashboard anyone may read: ask again as
		// no one (a staff cookie still goes along).
		if (token === null || !(error instanceof PlazaError) || error.status !== 401) throw error;
		return deps.request<SpaceImpactResponse>(path, { token: null });
	}
}

/** GET /api/v1/organisations/<organisation>/impact */
export function fetchOrganisationImpact(
	organisation: string,
	deps: ImpactDeps = defaultDeps
): Promise<OrganisationImpactResponse> {
	return deps.request<OrganisationImpactResponse>(
		`/api/v1/organisations/${encodeURIComponent(organisation)}/impact`,
		{ token: null }
	);
}
