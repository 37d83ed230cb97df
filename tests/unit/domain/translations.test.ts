import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { PublicSpaceView } from '$lib/domain/auth';
import { localizeActivity, localizeSpace } from '$lib/domain/localize';
import { languages } from '$lib/i18n/languages';
import { activityDefaults, ActivityFieldsSchema } from '$lib/domain/records';
import {
	activityTextLimits,
	compactTranslations,
	parseTranslations,
	spaceTextLimits,
	translationsProblem
} from '$lib/domain/translations';

const space: PublicSpaceView = {
	id: 'courtyards',
	title: 'Gårdene',
	purpose: 'Grønnere gårde.',
	privacyNotice: 'Vi gemmer dine idéer i et år.',
	erasePolicy: 'delete',
	retentionUntil: null,
	published: true,
	status: 'open',
	kind: 'map',
	date: null,
	place: '',
	languages: ['da', 'ar', 'uk'],
	language: 'da',
	translations: {
		ar: { title: 'الساحات', purpose: 'ساحات أكثر خضرة.', privacyNotice: 'نحتفظ بأفكارك لمدة عام.' },
		uk: { title: 'Двори', 'category.trees': 'Дерева', purpose: '  ' }
	},
	map: {
		center: { lat: 55.68, lng: 12.57 },
		zoom: 15,
		boundary: null,
		categories: [
			{ id: 'trees', label: 'Træer', colour: '#1a7f37', icon: 'tree' },
			{ id: 'bikes', label: 'Cykler', colour: '#0b6e4f', icon: 'bike' }
		],
		opensAt: null,
		closesAt: null
	}
};

describe('translationsProblem', () => {
	it('accepts a document of language codes, known text keys and texts within the limits', () => {
		expect(translationsProblem({}, spaceTextLimits)).toBeUndefined();
		expect(
			translationsProblem(
				{ ar: { title: 'x'.repeat(140), 'category.green-space': 'y' }, 'pt-BR': {} },
				spaceTextLimits
			)
		).toBeUndefined();
		expect(
			translationsProblem({ de: { prompt: 'x', 'option.tram-2': 'y' } }, activityTextLimits)
		).toBeUndefined();
	});

	it('names what is wrong', () => {
		const cases: [unknown, RegExp][] = [
			[null, /Translations are/],
			[[], /Translations are/],
			[{ Deutsch: {} }, /"Deutsch" is not a language code/],
			[{ de: 'Mieter' }, /The de translations are/],
			[{ de: { prompt: 'x' } }, /"prompt" is not a text that can be translated/],
			[{ de: { 'category.': 'x' } }, /"category." is not a text/],
			[{ de: { 'category.a b': 'x' } }, /is not a text/],
			[{ de: { title: 5 } }, /The de "title" is text/],
			[{ de: { 'category.trees': 'x'.repeat(61) } }, /at most 60 characters/],
			[{ de: { privacyNotice: 'x'.repeat(8001) } }, /at most 8000/]
		];
		for (const [value, message] of cases)
			expect(translationsProblem(value, spaceTextLimits), JSON.stringify(value)).toMatch(message);
		const many = Object.fromEntries(
			[...languages.map((language) => language.code), 'pt-BR'].map((code) => [code, {}])
		);
		expect(translationsProblem(many, spaceTextLimits)).toMatch(/at most 28 languages/);
	});

	it('is the activity field schema: optional, JSON text', () => {
		const fields = activityDefaults('poll', 'Which?', 0, 1);
		expect(v.is(ActivityFieldsSchema, fields)).toBe(true);
		const older: Partial<typeof fields> = { ...fields };
		delete older.translations;
		expect(v.is(ActivityFieldsSchema, older)).toBe(true);
		expect(v.is(ActivityFieldsSchema, { ...fields, translations: '{"ar":{"prompt":"؟"}}' })).toBe(
			true
		);
		expect(v.is(ActivityFieldsSchema, { ...fields, translations: '{' })).toBe(false);
		expect(v.is(ActivityFieldsSchema, { ...fields, translations: '{"ar":{"title":"x"}}' })).toBe(
			false
		);
	});
});

describe('parseTranslations and compactTranslations', () => {
	it('reads missing, broken or invalid text as no translations', () => {
		expect(parseTranslations(undefined)).toEqual({});
		expect(parseTranslations('')).toEqual({});
		expect(parseTranslations('{')).toEqual({});
		expect(parseTranslations('{"x":1}')).toEqual({});
		expect(parseTranslations('{"ar":{"prompt":"؟"}}')).toEqual({ ar: { prompt: '؟' } });
	});

	it('drops blank texts and languages left empty, and trims', () => {
		expect(
			compactTranslations({ ar: { title: ' الساحات ', purpose: ' ' }, uk: { title: '' } })
		).toEqual({
			ar: { title: 'الساحات' }
		});
	});
});

describe('localizeSpace', () => {
	it('shows every text in the reader language when all are translated, with no note', () => {
		const { value, fallback } = localizeSpace({ ...space, kind: 'ideas', map: null }, 'ar');
		expect([value.title, value.purpose, value.privacyNotice]).toEqual([
			'الساحات',
			'ساحات أكثر خضرة.',
			'نحتفظ بأفكارك لمدة عام.'
		]);
		expect(fallback).toBeNull();
	});

	it('falls back text by text to the original language and says which', () => {
		const { value, fallback } = localizeSpace(space, 'uk');
		expect(value.title).toBe('Двори');
		expect(value.purpose).toBe('Grønnere gårde.');
		expect(value.map?.categories.map((c) => c.label)).toEqual(['Дерева', 'Cykler']);
		expect(value.map?.categories.map((c) => c.id)).toEqual(['trees', 'bikes']);
		expect(fallback).toBe('da');
	});

	it('notes a language with no translations at all, and nothing for the original language', () => {
		expect(localizeSpace(space, 'de')).toMatchObject({
			value: { title: 'Gårdene' },
			fallback: 'da'
		});
		expect(localizeSpace(space, 'da')).toEqual({ value: space, fallback: null });
	});

	it('reads a view cached before translations existed as it is', () => {
		const older = { ...space };
		delete older.language;
		delete older.translations;
		expect(localizeSpace(older, 'ar')).toEqual({ value: older, fallback: null });
	});
});

describe('localizeActivity', () => {
	const options = JSON.stringify([
		{ id: 'tram', label: 'Sporvogn' },
		{ id: 'bus', label: 'Bus' }
	]);
	const categories = JSON.stringify([
		{ id: 'mobility', label: 'mobility' },
		{ id: 'shade', label: 'Skygge' }
	]);
	const fields = {
		...activityDefaults('poll', 'Hvad skal vi bygge?', 0, 1),
		options,
		categories,
		translations: JSON.stringify({
			ar: {
				prompt: 'ماذا نبني؟',
				'option.tram': 'ترام',
				'option.bus': 'حافلة',
				'category.shade': 'ظل'
			}
		})
	};

	it('translates the prompt, the choices and own categories, keeping ids', () => {
		const { value, fallback } = localizeActivity(fields, 'ar', 'da');
		expect(value.prompt).toBe('ماذا نبني؟');
		expect(JSON.parse(value.options)).toEqual([
			{ id: 'tram', label: 'ترام' },
			{ id: 'bus', label: 'حافلة' }
		]);
		// A preset theme keeps label = id: the interface translates it, and it needs no note.
		expect(JSON.parse(value.categories)).toEqual([
			{ id: 'mobility', label: 'mobility' },
			{ id: 'shade', label: 'ظل' }
		]);
		expect(fallback).toBeNull();
	});

	it('shows the original with a note when the reader language is missing', () => {
		const { value, fallback } = localizeActivity(fields, 'uk', 'da');
		expect(value.prompt).toBe('Hvad skal vi bygge?');
		expect(value.options).toBe(options);
		expect(fallback).toBe('da');
	});

	it('gives no note when the space never said its language, and reads old activities as they are', () => {
		expect(localizeActivity(fields, 'uk', '').fallback).toBeNull();
		expect(localizeActivity(fields, 'ar', '').value.prompt).toBe('ماذا نبني؟');
		const older = { ...fields, translations: undefined };
		expect(localizeActivity(older, 'ar', 'da')).toEqual({ value: older, fallback: 'da' });
	});
});
