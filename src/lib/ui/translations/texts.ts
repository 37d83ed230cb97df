/**
 * The texts a facilitator can translate, with their labels and limits: a space's (and its map
 * categories') and an activity's. Keys are the ones `domain/localize.ts` reads.
 */
import type { MapCategory } from '$lib/domain/map';
import type { Option } from '$lib/domain/records';
import { activityTextLimits, spaceTextLimits } from '$lib/domain/translations';
import { t } from '$lib/i18n/index.svelte';
import type { TranslatableText } from './editor';

interface SpaceTexts {
	title: string;
	purpose: string;
	privacyNotice: string;
}

export function spaceTexts(
	space: SpaceTexts,
	categories: readonly MapCategory[]
): TranslatableText[] {
	return [
		{
			key: 'title',
			label: t('translations.fields.title'),
			original: space.title,
			max: spaceTextLimits.title
		},
		{
			key: 'purpose',
			label: t('translations.fields.purpose'),
			original: space.purpose,
			max: spaceTextLimits.purpose,
			multiline: true
		},
		{
			key: 'privacyNotice',
			label: t('translations.fields.privacyNotice'),
			original: space.privacyNotice,
			max: spaceTextLimits.privacyNotice,
			multiline: true
		},
		...categories.map((category) => ({
			key: `category.${category.id}`,
			label: t('translations.fields.category', { name: category.label }),
			original: category.label,
			max: spaceTextLimits.category
		}))
	];
}

interface ActivityTexts {
	prompt: string;
	/** The activity's choices or rating items. */
	options: readonly Option[];
	/** Its own brainstorm categories (preset themes are translated by the interface). */
	categories: readonly Option[];
}

export function activityTexts(activity: ActivityTexts): TranslatableText[] {
	const list = (prefix: 'option' | 'category', options: readonly Option[]) =>
		options.map((option) => ({
			key: `${prefix}.${option.id}`,
			label: t(
				prefix === 'option' ? 'translations.fields.option' : 'translations.fields.category',
				{
					name: option.label
				}
			),
			original: option.label,
			max: activityTextLimits[prefix]
		}));
	return [
		{
			key: 'prompt',
			label: t('translations.fields.prompt'),
			original: activity.prompt,
			max: activityTextLimits.prompt,
			multiline: true
		},
		...list('option', activity.options),
		...list('category', activity.categories)
	];
}
