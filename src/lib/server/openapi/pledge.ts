/**
 * OpenAPI paths and schemas of behaviour pledges (issue 6): the impact dashboards of a space and
 * of an organisation. A campaign's goal and themes are part of the space schemas
 * (./accounts.ts, ./pledge-campaign.ts).
 */
import { spaceKinds } from '$lib/domain/auth';
import { pledgeThemes } from '$lib/domain/pledge/catalogue';
import { error, jsonBody, pathParam, ref, spaceId, strict, uuid } from './common';

const kinds = { type: 'string', enum: [...spaceKinds] };

const shown = {
	type: ['number', 'null'],
	minimum: 0,
	description: 'null: fewer than `threshold` people'
};
const impactSummary = strict({
	threshold: { type: 'integer', minimum: 1 },
	people: shown,
	activePledges: shown,
	keptPledges: shown,
	checkIns: { ...shown, description: 'Weeks checked in as done or partly; null when suppressed' },
	tco2e: { ...shown, description: 'Estimated tCO2e per year; null when suppressed' },
	themes: {
		type: 'array',
		items: strict({
			theme: { type: 'string', enum: [...pledgeThemes] },
			people: shown,
			pledges: shown,
			tco2e: shown
		})
	}
});
const computedAt = { type: 'string', description: 'When the hub computed the totals (ISO 8601)' };

export const pledgeSchemas = {
	ImpactSummary: impactSummary,
	SpaceImpact: strict({
		space: strict({ id: spaceId, title: { type: 'string' }, kind: kinds }),
		impact: ref('ImpactSummary'),
		goal: {
			...strict({ people: { type: ['integer', 'null'] }, tco2e: { type: ['number', 'null'] } }),
			type: ['object', 'null'],
			description: "A pledge campaign's goal; null for other spaces"
		},
		computedAt
	}),
	OrganisationImpact: strict({
		organisation: strict({ id: uuid, name: { type: 'string' } }),
		impact: ref('ImpactSummary'),
		spaces: { type: 'integer', minimum: 0, description: 'How many spaces the totals cover' },
		computedAt
	})
};

const anonymousNote =
	'Counts and sums only; every number standing for fewer than `threshold` (5) people is null. ' +
	'Computed on request from the synced pledges and check-ins (not cached).';

export const pledgePaths = {
	'/api/v1/spaces/{space}/impact': {
		get: {
			summary:
				'The impact of the pledges of a space: people, active and kept pledges, check-ins, ' +
				'estimated tCO2e per year, per theme. Anyone when the space is published or its ' +
				`impact public; else its staff and participants. ${anonymousNote}`,
			parameters: [pathParam('space', spaceId)],
			responses: {
				200: jsonBody(ref('SpaceImpact'), 'The totals'),
				401: error('unauthorised: join the space or log in'),
				403: error('forbidden: not allowed in this space'),
				404: error('unknown-space')
			}
		}
	},
	'/api/v1/organisations/{organisation}/impact': {
		get: {
			summary:
				'The impact of the pledges of an organisation: every space of it for its accounts, ' +
				`only the spaces with public impact for anyone else. ${anonymousNote}`,
			parameters: [pathParam('organisation', uuid)],
			responses: {
				200: jsonBody(ref('OrganisationImpact'), 'The totals'),
				404: error('not-found: no such organisation, or none of its spaces has public impact')
			}
		}
	}
};
