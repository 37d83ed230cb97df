import { i18n } from '$lib/i18n/index.svelte';
import { toMs } from './join-code';

/** A hub timestamp as a date and time in the current language; '' when it is not one. */
export function dateTimeOf(value: string | number | null | undefined): string {
	const ms = toMs(value);
	return Number.isFinite(ms) ? i18n.dateTime(ms) : '';
}

/** A timestamp for `<time datetime>`; undefined when it is not one. */
export function isoOf(value: string | number | null | undefined): string | undefined {
	const ms = toMs(value);
	return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

/** An audit action (such as space.update) in the current language; an unknown one as its code. */
export function auditActionLabel(action: string): string {
	return i18n.optional(`audit.actions.${action}`) ?? action;
}
