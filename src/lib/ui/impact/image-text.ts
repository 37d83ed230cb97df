import { pledgeThemes } from '$lib/domain/pledge/catalogue';
import type { ImpactSummary } from '$lib/domain/pledge/impact';
import { t } from '$lib/i18n/index.svelte';
import { languageDir, type LanguageCode } from '$lib/i18n/languages';
import { formatComputedAt, formatTonnes } from './format';
import { headlineItems } from './headline';
import { headlineLabel, themeLabel } from './labels';
import { imageLayout, type ImageOp } from './image';

/** The saved image's operations, with the page's own texts in the reader's language. */
export function dashboardImage(
	title: string,
	impact: ImpactSummary,
	computedAt: string,
	link: string,
	language: LanguageCode
): ImageOp[] {
	const hidden = t('impact.chart.hidden');
	return imageLayout(
		{
			title,
			subtitle: t('impact.computedAt', { time: formatComputedAt(computedAt, language) }),
			headline: headlineItems(impact, language).map((item) => ({
				label: headlineLabel(item.key),
				value: item.value === null ? hidden : item.text
			})),
			chartTitle: t('impact.chart.heading'),
			themes: impact.themes.map((row) => ({
				row,
				label: themeLabel(row.theme),
				value:
					row.tco2e === null
						? hidden
						: t('impact.chart.tonnes', { value: formatTonnes(row.tco2e, language) })
			})),
			note: t('impact.note.short'),
			link
		},
		pledgeThemes,
		languageDir(language)
	);
}
