/**
 * The periods a person can pledge for. Months are calendar months from today (the store's
 * default is two); two weeks is a last day fourteen days on.
 */
import { addDays } from '$lib/domain/pledge/progress';

export const periodChoices = ['2w', '1m', '2m', '3m', '6m', '1y'] as const;
export type PeriodChoice = (typeof periodChoices)[number];
export const defaultPeriod: PeriodChoice = '2m';

const months: Record<Exclude<PeriodChoice, '2w'>, number> = {
	'1m': 1,
	'2m': 2,
	'3m': 3,
	'6m': 6,
	'1y': 12
};

/** What `makePledge` takes for a choice, starting on `today` (YYYY-MM-DD). */
export function periodInput(
	choice: PeriodChoice,
	today: string
): { months: number } | { endsOn: string } {
	return choice === '2w' ? { endsOn: addDays(today, 14) } : { months: months[choice] };
}
