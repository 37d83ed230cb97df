/**
 * The JSON Schema of a pledge campaign's goal and themes (issue 6, PledgeCampaignSchema in
 * domain/pledge/campaign.ts), used in the space views and the create and update requests
 * (./accounts.ts).
 */
import { pledgeThemes } from '$lib/domain/pledge/catalogue';
import { strict } from './common';

export const pledgeCampaign = strict({
	goalPeople: { type: ['integer', 'null'], minimum: 1, maximum: 10_000_000 },
	goalTco2e: {
		type: ['number', 'null'],
		minimum: 0.1,
		maximum: 10_000_000,
		description: 'Estimated tCO2e per year'
	},
	themes: {
		type: 'array',
		minItems: 1,
		description: 'The catalogue themes offered, each once; local actions are always offered',
		items: { type: 'string', enum: [...pledgeThemes] }
	}
});

export const impactPublic = {
	type: 'boolean',
	description: 'Anyone with the link may read the impact dashboard of the space'
};
