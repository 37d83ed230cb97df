import type { PledgeTheme } from '$lib/domain/pledge/catalogue';
import { i18n, t } from '$lib/i18n/index.svelte';
import type { HeadlineKey } from './headline';

/** A theme's name (`catalogue.themes.<theme>`); its code while the catalogue has no text. */
export function themeLabel(theme: PledgeTheme): string {
	return i18n.optional(`catalogue.themes.${theme}`) ?? theme;
}

/** Headline labels as literal keys, so the locale test finds each one. */
export function headlineLabel(key: HeadlineKey): string {
	const labels: Record<HeadlineKey, () => string> = {
		people: () => t('impact.numbers.people'),
		activePledges: () => t('impact.numbers.activePledges'),
		keptPledges: () => t('impact.numbers.keptPledges'),
		checkIns: () => t('impact.numbers.checkIns'),
		tco2e: () => t('impact.numbers.tco2e')
	};
	return labels[key]();
}
