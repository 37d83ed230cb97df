import type { LevelUnit, OverlapGroup, PledgeTheme } from '$lib/domain/pledge/catalogue';
import { i18n, t } from '$lib/i18n/index.svelte';

export { themeLabel } from '$lib/ui/impact/labels';

/** A unit's name for the unit picker; literal keys so the locale test finds each one. */
export function unitLabel(unit: LevelUnit): string {
	const labels: Record<LevelUnit, () => string> = {
		'commute-days': () => t('pledgeAdmin.units.commuteDays'),
		'days-per-week': () => t('pledgeAdmin.units.daysPerWeek'),
		'flights-per-year': () => t('pledgeAdmin.units.flightsPerYear'),
		degrees: () => t('pledgeAdmin.units.degrees'),
		whole: () => t('pledgeAdmin.units.whole')
	};
	return labels[unit]();
}

/** An overlap group's name (`catalogue.overlap.<group>`); its code while there is no text. */
export function overlapLabel(group: OverlapGroup): string {
	return i18n.optional(`catalogue.overlap.${group}`) ?? group;
}

export { languageLabel } from '$lib/ui/language/language-filter';

export type { PledgeTheme };
