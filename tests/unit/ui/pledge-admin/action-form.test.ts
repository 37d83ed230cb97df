import { describe, expect, it } from 'vitest';
import {
	actionInput,
	blankAction,
	formLanguages,
	validateAction,
	type ActionFormInput
} from '$lib/ui/pledge-admin/action-form';

function filled(overrides: Partial<ActionFormInput> = {}): ActionFormInput {
	return {
		...blankAction(['de', 'en']),
		theme: 'mobility',
		title: { de: 'Auto teilen', en: 'Share your car' },
		commitment: { de: 'Tage pro Woche', en: '' },
		description: { de: 'Mit den Nachbarn', en: '' },
		figure: '0,8',
		source: 'Stadtwerke 2026',
		unit: 'days-per-week',
		levelMin: '1',
		levelMax: '7',
		levelStep: '1',
		levelReference: '7',
		overlap: 'car',
		...overrides
	};
}

describe('local action form', () => {
	it('stores the fallback language first and leaves empty texts out', () => {
		const result = validateAction(filled());
		expect(result.success).toBe(true);
		if (!result.success) return;
		expect(result.output.title).toBe('{"de":"Auto teilen","en":"Share your car"}');
		expect(result.output.commitment).toBe('{"de":"Tage pro Woche"}');
		expect(result.output).toMatchObject({ figure: 0.8, levelMax: 7, overlap: 'car' });
		expect(result.output).not.toHaveProperty('createdAt');
	});

	it('needs every text in the fallback language', () => {
		const result = validateAction(filled({ fallback: 'en' }));
		expect(result.success).toBe(false);
		if (result.success) return;
		expect(Object.keys(result.errors).sort()).toEqual(['commitment.en', 'description.en']);
		expect(result.errors['commitment.en']?.key).toBe('pledgeAdmin.errors.fallbackText');
	});

	it('needs a source and a figure in range, said per field', () => {
		const result = validateAction(filled({ source: ' ', figure: '25' }));
		expect(result.success).toBe(false);
		if (result.success) return;
		expect(result.errors.source?.key).toBe('staff.validation.required');
		expect(result.errors.figure).toEqual({ key: 'pledgeAdmin.errors.max', options: { count: 20 } });
		const notANumber = validateAction(filled({ figure: 'lots' }));
		expect(!notANumber.success && notANumber.errors.figure?.key).toBe('pledgeAdmin.errors.number');
	});

	it('refuses a highest level below the lowest', () => {
		const result = validateAction(filled({ levelMin: '5', levelMax: '2' }));
		expect(!result.success && result.errors.levelMax?.key).toBe('pledgeAdmin.errors.scale');
	});

	it('round-trips a stored action into the form', () => {
		const result = validateAction(filled());
		if (!result.success) throw new Error('invalid');
		const input = actionInput({ ...result.output, createdAt: 1 }, ['en', 'de', 'fr']);
		expect(input.fallback).toBe('de');
		expect(input.title).toEqual({ en: 'Share your car', de: 'Auto teilen', fr: '' });
		expect(input.figure).toBe('0.8');
	});

	it('offers the space languages, or the reader language when it lists none', () => {
		expect(formLanguages(['de', 'tr'], 'en')).toEqual(['de', 'tr']);
		expect(formLanguages([], 'fr')).toEqual(['fr']);
	});
});
