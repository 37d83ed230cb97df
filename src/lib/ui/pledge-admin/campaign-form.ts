/**
 * The pledge campaign's goal form (new pledge space, and the space's pledges page): validated
 * with the hub's own `PledgeCampaignSchema`, so the form never sends what the hub refuses.
 */
import * as v from 'valibot';
import { PledgeCampaignSchema, type PledgeCampaign } from '$lib/domain/pledge/campaign';
import { pledgeThemes } from '$lib/domain/pledge/catalogue';
import type { Validated } from '$lib/ui/staff/forms';
import { formErrors } from './errors';
import { numberText, parseOptionalNumber } from './numbers';

export interface CampaignInput {
	goalPeople: string;
	goalTco2e: string;
	themes: string[];
}

export const blankCampaign = (): CampaignInput => ({
	goalPeople: '',
	goalTco2e: '',
	themes: [...pledgeThemes]
});

export function campaignInput(campaign: PledgeCampaign | null | undefined): CampaignInput {
	if (!campaign) return blankCampaign();
	return {
		goalPeople: numberText(campaign.goalPeople),
		goalTco2e: numberText(campaign.goalTco2e),
		themes: [...campaign.themes]
	};
}

/** The campaign to send, or one translated error per field (goalPeople, goalTco2e, themes). */
export function validateCampaign(input: CampaignInput): Validated<PledgeCampaign> {
	const result = v.safeParse(PledgeCampaignSchema, {
		goalPeople: parseOptionalNumber(input.goalPeople),
		goalTco2e: parseOptionalNumber(input.goalTco2e),
		// In catalogue order, whatever order the boxes were ticked in.
		themes: pledgeThemes.filter((theme) => input.themes.includes(theme))
	});
	if (result.success) return { success: true, output: result.output };
	const errors = formErrors(result.issues);
	// "Offer at least one theme" reads better than "too short".
	if (result.issues.some((issue) => issue.type === 'min_length'))
		errors.themes = { key: 'pledgeAdmin.errors.themes' };
	return { success: false, errors };
}
