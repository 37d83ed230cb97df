/**
 * Languages in the space exports (issue 7): the optional `language=<code>` filter and the
 * per-language participation summary. The filter keeps only contributions written in that
 * language; records without a language (votes, supports, clusters, photos, answers) stay as
 * they are. The summary is always over the whole space, whatever the filter, and gives anonymous
 * counts only, with no suppression of small groups: the exports are for the staff.
 */
import * as v from 'valibot';
import { LanguageSchema } from '$lib/domain/records/idea';
import type { Queryable } from '../db/client';
import { parse } from '../http';

/** The record types that are contributions written in a language. */
export const contributionTypes = ['note', 'idea', 'mapIdea', 'comment'] as const;

export interface LanguageCount {
	language: string;
	/** Live contributions (not deleted, not hidden) written in the language. */
	contributions: number;
	/** Distinct authors of those contributions. */
	people: number;
}

const LanguageQuerySchema = v.object({ language: v.optional(LanguageSchema) });

/** The `language` query parameter of an export request, if any; 400 when it is no language. */
export function languageParam(request: Request): string | undefined {
	const params = new URL(request.url).searchParams;
	if (!params.has('language')) return undefined;
	return parse(LanguageQuerySchema, { language: params.get('language') }).language;
}

/** Contributions and distinct authors per language, most contributions first. */
export async function languageSummary(db: Queryable, space: string): Promise<LanguageCount[]> {
	const rows = await db.query<{ language: string; contributions: number; people: number }>(
		`SELECT fields->>'language' AS language, count(*)::int AS contributions,
			count(DISTINCT author)::int AS people
		FROM records
		WHERE space = $1 AND type = ANY($2::text[]) AND NOT deleted AND NOT hidden
			AND fields->>'language' IS NOT NULL
		GROUP BY fields->>'language'`,
		[space, [...contributionTypes]]
	);
	return rows
		.map((row) => ({
			language: row.language,
			contributions: Number(row.contributions),
			people: Number(row.people)
		}))
		.sort((a, b) => b.contributions - a.contributions || (a.language < b.language ? -1 : 1));
}

/** What the data cards say about the parameter and the summary. */
export const languageParamDescription =
	'Optional query parameter `language=<code>` (such as "da" or "pt-BR"): keeps only notes, map ' +
	'ideas and comments written in that language. Records without a language (votes, supports, ' +
	'clusters, photos, answers) stay as they are, so the vote and support counts of the kept ' +
	'items are unchanged; the comment count of a map idea counts its comments in that language. ' +
	'An invalid code is refused with 400.';

export const languageSummaryDescription =
	'`languages` in the JSON exports: for each language, the number of live contributions (notes, ' +
	'ideas, map ideas, comments) and of distinct people who wrote them, most contributions first, ' +
	'always over the whole space whatever the filter. Anonymous counts with no suppression of ' +
	'small groups (a count of 1 may point at one person): the exports are for the staff, who ' +
	'should check them before publishing.';
