/**
 * Builders for the pledge suites (issue 6): pledge campaign spaces made directly in SQL (as
 * `World.space` makes others), and pledges, check-ins and local actions with every field a
 * creation needs and the once-per-person ids the hub expects.
 */
import { randomBytes } from 'node:crypto';
import type { Actor } from '../../../src/lib/domain/auth';
import { newId, oncePerPersonId } from '../../../src/lib/domain/ids';
import type { Fields } from '../../../src/lib/domain/merge';
import { defaultCampaign, type PledgeCampaign } from '../../../src/lib/domain/pledge/campaign';
import { localActionRef } from '../../../src/lib/domain/pledge/local-action';
import { addDays } from '../../../src/lib/domain/pledge/progress';
import type { Mutation, MutationResult } from '../../../src/lib/domain/protocol';
import { checkInTarget, pledgeTarget } from '../../../src/lib/domain/records/pledge';
import type { Hub } from '../../../src/lib/server/hub';
import {
	handleOrganisationImpact,
	handleSpaceImpact
} from '../../../src/lib/server/pledge/handlers';
import { ctx, device, newSpace, push, type SpaceOptions, type World } from '../helpers';
import { change } from '../workshop/fixtures';
import type {
	ImpactSummary,
	OrganisationImpactResponse,
	SpaceImpactResponse
} from '../../../src/lib/domain/pledge/impact';

/** The hub's UTC day, and days around it. */
export const today = () => new Date().toISOString().slice(0, 10);
export const daysFromToday = (days: number) => addDays(today(), days);

/** A pledge campaign space of the world's organisation, facilitated by `world.facilitator`. */
export async function pledgeSpace(
	hub: Hub,
	world: World,
	campaign: PledgeCampaign = defaultCampaign,
	options: SpaceOptions & { impactPublic?: boolean } = {}
): Promise<string> {
	const id = options.id ?? newSpace('pledge');
	await hub.db.query(
		`INSERT INTO spaces (id, organisation, title, purpose, privacy_notice, erase_policy,
			retention_until, published, status, join_code, kind, pledge_settings, impact_public)
		VALUES ($1, $2, 'Car-free May', 'Testing', 'Notice', 'delete', NULL, $3, $4, $5, 'pledge',
			($6::text)::jsonb, $7)`,
		[
			id,
			world.organisation,
			options.published ?? false,
			options.status ?? 'open',
			randomBytes(5).toString('hex').toUpperCase(),
			JSON.stringify(campaign),
			options.impactPublic ?? false
		]
	);
	for (const account of options.facilitators ?? [world.facilitator])
		await hub.db.query('INSERT INTO space_facilitators (space, account) VALUES ($1, $2)', [
			id,
			account.accountId
		]);
	return id;
}

export const pledgeId = (space: string, action: string, author: string) =>
	oncePerPersonId(space, pledgeTarget(action), author);

/** A new pledge of `author` (participant or account id): car-free 3 of 5 days, from today. */
export function pledge(space: string, author: string, overrides: Fields = {}): Mutation {
	const fields: Fields = {
		action: 'car-free',
		level: 3,
		startsOn: today(),
		endsOn: daysFromToday(61),
		status: 'active',
		origin: '',
		language: 'en',
		createdAt: 1_700_000_000_000,
		...overrides
	};
	return change('pledge', pledgeId(space, String(fields.action), author), space, fields);
}

/** A change of an existing pledge. */
export function pledgeChange(space: string, id: string, patch: Fields): Mutation {
	return change('pledge', id, space, patch);
}

export const checkInId = (
	space: string,
	pledgeRecord: string,
	startsOn: string,
	week: number,
	author: string
) => oncePerPersonId(space, checkInTarget(pledgeRecord, startsOn, week), author);

export function checkIn(
	space: string,
	pledgeRecord: string,
	author: string,
	overrides: Fields = {}
): Mutation {
	const fields: Fields = {
		pledge: pledgeRecord,
		startsOn: today(),
		week: 1,
		result: 'done',
		createdAt: 1_700_000_000_000,
		...overrides
	};
	const id = checkInId(space, pledgeRecord, String(fields.startsOn), Number(fields.week), author);
	return change('checkIn', id, space, fields);
}

/** A local action "share your car with the neighbours": 1.2 t at 2 days a week, 1–7 days. */
export function localAction(space: string, overrides: Fields = {}, id = newId()): Mutation {
	return change('pledgeAction', id, space, {
		theme: 'mobility',
		title: JSON.stringify({ en: 'Share your car', de: 'Teile dein Auto' }),
		description: JSON.stringify({ en: 'Lend your car to the neighbours.' }),
		commitment: JSON.stringify({ en: 'Days a week I share my car' }),
		figure: 1.2,
		source: 'City of Testing climate plan 2025, table 4',
		unit: 'days-per-week',
		levelMin: 1,
		levelMax: 7,
		levelStep: 1,
		levelReference: 2,
		overlap: '',
		createdAt: 1_700_000_000_000,
		...overrides
	});
}

export { localActionRef };

/** Pushes mutations as one batch of a fresh device of `actor`; the per-mutation results. */
export async function send(
	hub: Hub,
	actor: Actor,
	mutations: Mutation[]
): Promise<MutationResult[]> {
	const body = device().body([mutations]);
	if (actor.kind === 'participant') body.participant = actor.participant;
	return (await push(hub, body, actor)).results[0]!.mutations;
}

export const codes = (results: MutationResult[]) => results.map((r) => r.code ?? r.status);

/** GET /api/v1/spaces/<id>/impact as `actor`: the status and, on 200, the body. */
export async function spaceImpact(
	hub: Hub,
	space: string,
	actor?: Actor
): Promise<{ status: number; body: SpaceImpactResponse }> {
	const response = await handleSpaceImpact(space, ctx(hub, actor));
	return { status: response.status, body: (await response.json()) as SpaceImpactResponse };
}

export async function organisationImpact(
	hub: Hub,
	organisation: string,
	actor?: Actor
): Promise<{ status: number; body: OrganisationImpactResponse }> {
	const response = await handleOrganisationImpact(organisation, ctx(hub, actor));
	return { status: response.status, body: (await response.json()) as OrganisationImpactResponse };
}

/** The impact of a space as its facilitator sees it (insists on a 200). */
export async function impactOfSpace(hub: Hub, world: World, space: string): Promise<ImpactSummary> {
	const { status, body } = await spaceImpact(hub, space, world.facilitator);
	if (status !== 200) throw new Error(`impact ${status}: ${JSON.stringify(body)}`);
	return body.impact;
}

/** The theme row of a summary. */
export const theme = (impact: ImpactSummary, name: string) =>
	impact.themes.find((row) => row.theme === name)!;
