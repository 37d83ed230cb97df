/**
 * Impact dashboards (issue 6). A space's impact is readable by anyone when the space is
 * published or its impact is public, else by its staff and participants. An organisation's
 * impact covers every space of it for its own accounts, and only the spaces with a public
 * impact for anyone else (404 when there are none, so a private organisation looks unknown).
 * Totals are computed on request (impact.ts) and never cached.
 */
import * as v from 'valibot';
import { PlazaError } from '$lib/domain/errors';
import type { OrganisationImpactResponse, SpaceImpactResponse } from '$lib/domain/pledge/impact';
import { canPull } from '$lib/domain/policy';
import { IdSchema } from '$lib/domain/protocol';
import { json, toErrorResponse } from '../http';
import type { Ctx } from '../http/context';
import { requireSpaceRow } from '../spaces/handlers';
import { spaceInfo } from '../spaces/views';
import { requireAccess } from '../sync/access';
import { impactOf } from './impact';

const noStore = { 'cache-control': 'no-store' };

/** GET /api/v1/spaces/<id>/impact */
export async function handleSpaceImpact(id: string, ctx: Ctx): Promise<Response> {
	try {
		const row = await requireSpaceRow(ctx.hub.db, id);
		requireAccess(ctx.actor, row.impactPublic || canPull(ctx.actor, spaceInfo(row)));
		const body: SpaceImpactResponse = {
			space: { id: row.id, title: row.title, kind: row.kind },
			impact: await impactOf(ctx.hub.db, [row.id]),
			goal: row.pledge ? { people: row.pledge.goalPeople, tco2e: row.pledge.goalTco2e } : null,
			computedAt: new Date(ctx.now).toISOString()
		};
		return json(body, 200, noStore);
	} catch (error) {
		return toErrorResponse(error);
	}
}

const unknownOrganisation = () =>
	new PlazaError('not-found', 'There is no organisation with public impact under this id.', 404);

/** GET /api/v1/organisations/<id>/impact */
export async function handleOrganisationImpact(id: string, ctx: Ctx): Promise<Response> {
	try {
		if (!v.is(IdSchema, id)) throw unknownOrganisation();
		const db = ctx.hub.db;
		const [organisation] = await db.query<{ id: string; name: string }>(
			'SELECT id::text AS id, name FROM organisations WHERE id = $1::uuid',
			[id.toLowerCase()]
		);
		if (!organisation) throw unknownOrganisation();
		const member =
			ctx.actor.kind === 'account' && ctx.actor.organisation.toLowerCase() === organisation.id;
		const spaces = await db.query<{ id: string }>(
			'SELECT id FROM spaces WHERE organisation = $1::uuid AND ($2::boolean OR impact_public) ORDER BY id',
			[organisation.id, member]
		);
		if (!member && spaces.length === 0) throw unknownOrganisation();
		const body: OrganisationImpactResponse = {
			organisation,
			impact: await impactOf(
				db,
				spaces.map((space) => space.id)
			),
			spaces: spaces.length,
			computedAt: new Date(ctx.now).toISOString()
		};
		return json(body, 200, noStore);
	} catch (error) {
		return toErrorResponse(error);
	}
}
