import { describe, expect, it } from 'vitest';
import {
	allLanguages,
	filterByLanguage,
	filterGroups,
	languageLabel,
	languageOf,
	languageOptions,
	participationByLanguage
} from '$lib/ui/language/language-filter';

const note = (id: string, language: string, author = 'p1') => ({
	id,
	author,
	fields: { language, text: id }
});

const notes = [
	note('n1', 'da', 'p1'),
	note('n2', 'en', 'p2'),
	note('n3', 'ar', 'p3'),
	note('n4', 'da', 'p4'),
	note('n5', 'da', 'p1'),
	note('n6', 'uk', 'p2')
];

describe('languageLabel', () => {
	it('names a shipped language by its own name', () => {
		expect(languageLabel('da')).toBe('Dansk');
		expect(languageLabel('ar')).toBe('العربية');
		expect(languageLabel('uk')).toBe('Українська');
	});

	it('keeps the tag of a regional variant and shows unknown codes as they are', () => {
		expect(languageLabel('pt-BR')).toBe('Português (pt-BR)');
		expect(languageLabel('fa')).toBe('fa');
		expect(languageLabel('und')).toBe('und');
	});
});

describe('languageOf', () => {
	it('reads the recorded language, und when there is none', () => {
		expect(languageOf(note('a', 'fr'))).toBe('fr');
		expect(languageOf(note('a', ''))).toBe('und');
	});
});

describe('languageOptions', () => {
	it('lists each language present once, in the language switch order', () => {
		expect(languageOptions(notes)).toEqual([
			{ code: 'da', label: 'Dansk' },
			{ code: 'en', label: 'English' },
			{ code: 'uk', label: 'Українська' },
			{ code: 'ar', label: 'العربية' }
		]);
	});

	it('puts regional variants after their language and unknown codes last', () => {
		const codes = languageOptions([note('a', 'fa'), note('b', 'pt-BR'), note('c', 'pt')]).map(
			(option) => option.code
		);
		expect(codes).toEqual(['pt', 'pt-BR', 'fa']);
	});

	it('keeps the current choice even when no record is in it (yet)', () => {
		expect(languageOptions([note('a', 'en')], 'de').map((option) => option.code)).toEqual([
			'de',
			'en'
		]);
		expect(languageOptions([], allLanguages)).toEqual([]);
	});
});

describe('filterByLanguage', () => {
	it('keeps only the records in the chosen language', () => {
		expect(filterByLanguage(notes, 'da').map((n) => n.id)).toEqual(['n1', 'n4', 'n5']);
		expect(filterByLanguage(notes, 'fr')).toEqual([]);
	});

	it('keeps everything for all languages, as a new array', () => {
		const all = filterByLanguage(notes, allLanguages);
		expect(all).toEqual(notes);
		expect(all).not.toBe(notes);
	});
});

describe('filterGroups', () => {
	const groups = [
		{ cluster: null, notes: [notes[0]!, notes[1]!] },
		{ cluster: { id: 'c1' }, notes: [notes[2]!] },
		{ cluster: { id: 'c2' }, notes: [notes[3]!, notes[5]!] }
	];

	it('filters the notes of every group and keeps groups left empty', () => {
		const filtered = filterGroups(groups, 'da');
		expect(filtered.map((g) => g.cluster?.id ?? '')).toEqual(['', 'c1', 'c2']);
		expect(filtered.map((g) => g.notes.map((n) => n.id))).toEqual([['n1'], [], ['n4']]);
		expect(groups[0]!.notes).toHaveLength(2);
	});

	it('leaves the groups as they are for all languages', () => {
		expect(filterGroups(groups, allLanguages)).toEqual(groups);
	});
});

describe('participationByLanguage', () => {
	it('counts contributions and distinct authors per language, most first', () => {
		expect(participationByLanguage(notes)).toEqual([
			{ language: 'da', label: 'Dansk', count: 3, people: 2 },
			{ language: 'en', label: 'English', count: 1, people: 1 },
			{ language: 'uk', label: 'Українська', count: 1, people: 1 },
			{ language: 'ar', label: 'العربية', count: 1, people: 1 }
		]);
	});

	it('counts a person once per language they wrote in', () => {
		const rows = participationByLanguage([note('a', 'de', 'p1'), note('b', 'fr', 'p1')]);
		expect(rows.map((row) => [row.language, row.people])).toEqual([
			['de', 1],
			['fr', 1]
		]);
	});

	it('is empty without records', () => {
		expect(participationByLanguage([])).toEqual([]);
	});
});
