/**
 * Translated names for workshop codes. The maps name every key literally, so the locale test
 * sees them in use; preset themes come from the shared `themes.<id>` keys.
 */
import type { ActivityKind, ActivityStatus, Option } from '$lib/domain/records';
import { i18n, t, type TranslationKey } from '$lib/i18n/index.svelte';
import { isPreset } from './activity-form';

const kindKeys: Record<ActivityKind, TranslationKey> = {
	brainstorm: 'builder.kinds.brainstorm',
	'dot-vote': 'builder.kinds.dotVote',
	poll: 'builder.kinds.poll',
	rating: 'builder.kinds.rating',
	'open-question': 'builder.kinds.openQuestion'
};

const statusKeys: Record<ActivityStatus, TranslationKey> = {
	draft: 'builder.status.draft',
	open: 'builder.status.open',
	closed: 'builder.status.closed'
};

export const kindLabel = (kind: ActivityKind) => t(kindKeys[kind]);
export const statusLabel = (status: ActivityStatus) => t(statusKeys[status]);

/** An option's label; a preset theme in the current language. */
export function optionLabel(option: Option): string {
	return (isPreset(option) && i18n.optional(`themes.${option.id}`)) || option.label;
}
