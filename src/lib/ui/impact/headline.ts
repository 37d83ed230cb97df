/**
 * The headline numbers of a dashboard, in order, with their text: shared by the page and the
 * saved image so both say the same. A suppressed number (null) reads as words, never as 0.
 */
import type { ImpactSummary } from '$lib/domain/pledge/impact';
import { formatCount, formatTonnes } from './format';

export const headlineKeys = [
	'people',
	'activePledges',
	'keptPledges',
	'checkIns',
	'tco2e'
] as const;
export type HeadlineKey = (typeof headlineKeys)[number];

export interface HeadlineItem {
	key: HeadlineKey;
	value: number | null;
	/** The formatted number, or '' when it is suppressed. */
	text: string;
}

export function headlineItems(impact: ImpactSummary, language: string): HeadlineItem[] {
	return headlineKeys.map((key) => {
		const value = impact[key];
		const format = key === 'tco2e' ? formatTonnes : formatCount;
		return { key, value, text: value === null ? '' : format(value, language) };
	});
}

/** Whether nobody has pledged yet (a suppressed count means some people have). */
export function isEmptyImpact(impact: ImpactSummary): boolean {
	return impact.people === 0;
}
