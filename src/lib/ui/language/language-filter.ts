/**
 * Filtering contributions (notes, map ideas, comments) by the language they were written in,
 * and counting participation per language, from the records on this device. Languages are
 * named by their own name (the endonym from `languages`), so a Danish speaker finds "Dansk"
 * whatever the interface language; a code Plaza does not ship is shown as the code itself.
 */
import { languages } from '$lib/i18n/languages';

/** The filter value meaning "every language". */
export const allLanguages = '';

/** Code used for a contribution that records no language (BCP 47 "undetermined"). */
export const undetermined = 'und';

/** What the language logic needs of a contribution. */
export interface Written {
	author?: string;
	fields: { language: string };
}

export interface LanguageOption {
	code: string;
	label: string;
}

const order = new Map<string, number>(languages.map((language, index) => [language.code, index]));

/** The language a contribution was written in; `und` when it records none. */
export function languageOf(record: Written): string {
	return record.fields.language.trim() || undetermined;
}

/**
 * A language's own name: "Dansk" for `da`; a regional tag of a shipped language keeps its tag
 * ("Português (pt-BR)") so it stays apart from the plain one; any other code as itself.
 */
export function languageLabel(code: string): string {
	const own = languages.find((language) => language.code === code);
	if (own) return own.label;
	const base = languages.find((language) => language.code === code.split('-')[0]?.toLowerCase());
	return base ? `${base.label} (${code})` : code;
}

function byLanguageOrder(a: string, b: string): number {
	const rank = (code: string) =>
		order.get(code) ?? order.get(code.split('-')[0] ?? '') ?? languages.length;
	return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * The languages present among `records`, each once, in the order the language switch lists
 * them (unknown codes last). `keep` (the current choice) is always included, so a filter does
 * not jump back to "all" while the board waits for a note in that language.
 */
export function languageOptions(
	records: readonly Written[],
	keep: string = allLanguages
): LanguageOption[] {
	const codes = new Set(records.map(languageOf));
	if (keep !== allLanguages) codes.add(keep);
	return [...codes].sort(byLanguageOrder).map((code) => ({ code, label: languageLabel(code) }));
}

/** The records written in `language`; all of them for `allLanguages`. */
export function filterByLanguage<T extends Written>(records: readonly T[], language: string): T[] {
	if (language === allLanguages) return [...records];
	return records.filter((record) => languageOf(record) === language);
}

/**
 * The same groups (board clusters), each with only its notes in `language`. Groups left
 * without a note stay, so the board keeps its shape while filtered.
 */
export function filterGroups<T extends Written, G extends { notes: T[] }>(
	groups: readonly G[],
	language: string
): G[] {
	if (language === allLanguages) return [...groups];
	return groups.map((group) => ({ ...group, notes: filterByLanguage(group.notes, language) }));
}

export interface LanguageParticipation {
	language: string;
	label: string;
	/** Contributions written in this language. */
	count: number;
	/** Distinct authors who wrote in it; a person writing in two languages counts in both. */
	people: number;
}

/** Contributions and distinct authors per language: most contributions first, then by language. */
export function participationByLanguage(records: readonly Written[]): LanguageParticipation[] {
	const byLanguage = new Map<string, { count: number; authors: Set<string> }>();
	for (const record of records) {
		const code = languageOf(record);
		const entry = byLanguage.get(code) ?? { count: 0, authors: new Set<string>() };
		entry.count += 1;
		if (record.author) entry.authors.add(record.author);
		byLanguage.set(code, entry);
	}
	return [...byLanguage]
		.map(([language, { count, authors }]) => ({
			language,
			label: languageLabel(language),
			count,
			people: authors.size
		}))
		.sort((a, b) => b.count - a.count || byLanguageOrder(a.language, b.language));
}
