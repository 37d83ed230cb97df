import { describe, expect, it } from 'vitest';
import {
	addableLanguages,
	storedTranslations,
	translationTargets,
	withoutLanguage,
	withText
} from '$lib/ui/translations/editor';

describe('translationTargets', () => {
	it('offers the space languages, the translated and the added ones, never the original', () => {
		expect(translationTargets('da', ['da', 'uk', 'ar'], { de: { title: 'x' } }, ['en'])).toEqual([
			'de',
			'en',
			'uk',
			'ar'
		]);
	});

	it('leaves out codes Plaza does not ship', () => {
		expect(translationTargets('da', ['xx', 'sv'], {}, [])).toEqual(['sv']);
	});

	it('lets every other shipped language be added', () => {
		const addable = addableLanguages('da', ['uk', 'ar']);
		expect(addable).toHaveLength(25);
		expect(addable).not.toContain('da');
		expect(addable).not.toContain('uk');
	});
});

describe('editing', () => {
	it('changes one text and keeps the others', () => {
		const start = { ar: { title: 'الساحات' } };
		const next = withText(start, 'ar', 'purpose', 'ساحات');
		expect(next).toEqual({ ar: { title: 'الساحات', purpose: 'ساحات' } });
		expect(start).toEqual({ ar: { title: 'الساحات' } });
		expect(withText(next, 'uk', 'title', 'Двори').uk).toEqual({ title: 'Двори' });
		expect(withoutLanguage(next, 'ar')).toEqual({});
	});

	it('stores only texts still offered, none blank', () => {
		const texts = [
			{ key: 'prompt', label: 'Prompt', original: 'Hvad?', max: 500 },
			{ key: 'option.tram', label: 'Choice', original: 'Sporvogn', max: 200 }
		];
		expect(
			storedTranslations(
				{
					ar: { prompt: ' ماذا؟ ', 'option.tram': '', 'option.gone': 'x' },
					uk: { 'option.gone': 'y' }
				},
				texts
			)
		).toEqual({ ar: { prompt: 'ماذا؟' } });
	});
});
