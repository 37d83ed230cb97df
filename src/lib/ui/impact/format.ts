/**
 * Numbers and times of the impact dashboards in the reader's language. Pure: the language is a
 * parameter, so the tests pin the formats and the canvas image uses the same text as the page.
 */

/** A count of people, pledges or check-ins: a whole number with grouping ("1,234"). */
export function formatCount(value: number, language: string): string {
	return new Intl.NumberFormat(language, { maximumFractionDigits: 0 }).format(value);
}

/**
 * Tonnes of CO2e a year: one decimal below 100 t (small totals would otherwise all read "0" or
 * "1"), whole tonnes above, where a decimal only suggests false precision.
 */
export function formatTonnes(value: number, language: string): string {
	const digits = Math.abs(value) < 100 ? 1 : 0;
	return new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value);
}

/** When the hub computed the totals, as a date and time; '' for a time that is not one. */
export function formatComputedAt(iso: string, language: string): string {
	const ms = Date.parse(iso);
	if (!Number.isFinite(ms)) return '';
	return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/** A file name for the saved image: the space or organisation id, kept to safe characters. */
export function imageFileName(id: string): string {
	const safe = id
		.toLowerCase()
		.replace(/[^a-z0-9-]+/g, '-')
		.replace(/^-+|-+$/g, '');
	return `impact-${safe || 'plaza'}.png`;
}
