/**
 * Display texts of actions. Catalogue texts are i18n keys the lead's `catalogue` namespace
 * holds (built at run time, so typed loosely here); local actions bring their own texts, picked
 * in the reader's language (actions.ts), and say when they fall back to another language.
 */
import { t, type TranslationKey } from '$lib/i18n/index.svelte';
import type { PickedText } from '$lib/domain/pledge/local-action';
import type { ActionItem } from './actions';

const key = (text: string) => text as TranslationKey;

export const themeName = (theme: string) => t(key(`catalogue.themes.${theme}`));

/** "These are estimates…" */
export const estimateNote = () => t(key('catalogue.estimateNote'));

export const overlapName = (group: string) => t(key(`catalogue.overlap.${group}`));

/** "3 of 5 commuting days a week" */
export const levelText = (unit: string, count: number, max: number) =>
	t(key(`catalogue.levels.${unit}`), { count, max });

type Part = 'title' | 'description' | 'commitment';

/** An action's text and, for a local action in another language, that language. */
export function actionText(item: ActionItem, part: Part): PickedText {
	if (item.local) return item.local[part];
	return { text: t(key(`catalogue.actions.${item.ref}.${part}`)), language: '', fallback: false };
}

export const actionTitle = (item: ActionItem | undefined, ref: string) =>
	item ? actionText(item, 'title').text : ref;
