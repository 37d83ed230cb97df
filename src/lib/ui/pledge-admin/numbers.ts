/**
 * Numbers as typed into a staff form: '' means "none", a decimal comma is accepted (de, fr),
 * and anything else that is not a number becomes NaN so the schema refuses it.
 */
export function parseNumber(text: string): number {
	const trimmed = text.trim().replace(',', '.');
	return trimmed === '' ? Number.NaN : Number(trimmed);
}

/** As parseNumber, but an empty field is null (an optional goal). */
export function parseOptionalNumber(text: string): number | null {
	return text.trim() === '' ? null : parseNumber(text);
}

export const numberText = (value: number | null | undefined): string =>
	value === null || value === undefined ? '' : String(value);
