/**
 * Pledge campaign spaces (issue 6): a space of kind 'pledge' ("Car-free May in District 4")
 * with a goal and the themes it offers. Progress towards the goal comes from the hub's impact
 * totals, so it is suppressed like them below the small-group threshold.
 */
import * as v from 'valibot';
import { pledgeThemes } from './catalogue';

export const PledgeCampaignSchema = v.strictObject({
	/** How many people the campaign hopes will pledge; null for no such goal. */
	goalPeople: v.nullable(
		v.pipe(
			v.number('A goal is a number.'),
			v.integer('A goal of people is a whole number.'),
			v.minValue(1, 'A goal is at least 1.'),
			v.maxValue(10_000_000, 'That goal is too large.')
		)
	),
	/** Estimated tCO2e per year the campaign hopes for; null for no such goal. */
	goalTco2e: v.nullable(
		v.pipe(
			v.number('A goal is a number.'),
			v.finite('A goal is a number.'),
			v.minValue(0.1, 'A goal is at least 0.1 t.'),
			v.maxValue(10_000_000, 'That goal is too large.')
		)
	),
	/** The catalogue themes offered; local actions are always offered. */
	themes: v.pipe(
		v.array(v.picklist(pledgeThemes, 'Pick one of the themes.')),
		v.minLength(1, 'Offer at least one theme.'),
		v.check((list) => new Set(list).size === list.length, 'A theme is listed twice.')
	)
});
export type PledgeCampaign = v.InferOutput<typeof PledgeCampaignSchema>;

export const defaultCampaign: PledgeCampaign = {
	goalPeople: null,
	goalTco2e: null,
	themes: [...pledgeThemes]
};

/** Progress towards a goal, 0…1; null when there is no goal or the total is not shown. */
export function goalProgress(total: number | null, goal: number | null): number | null {
	if (goal === null || total === null) return null;
	return Math.min(1, total / goal);
}
