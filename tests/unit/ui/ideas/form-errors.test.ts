import { describe, expect, it } from 'vitest';
import { errorKey, validateIdeaInput } from '$lib/ui/ideas/form-errors';

describe('validateIdeaInput', () => {
	it('accepts a complete idea and trims it', () => {
		expect(validateIdeaInput({ title: '  Bike lanes ', text: '', category: 'mobility' })).toEqual({
			success: true,
			output: { title: 'Bike lanes', text: '', category: 'mobility' }
		});
	});

	it('keys each field error for translation', () => {
		const result = validateIdeaInput({ title: '   ', text: 'x'.repeat(4001), category: '' });
		expect(result).toEqual({
			success: false,
			errors: {
				title: 'validation.titleRequired',
				text: 'validation.textTooLong',
				category: 'validation.categoryInvalid'
			}
		});
	});

	it('says when a title is too long', () => {
		const result = validateIdeaInput({ title: 'x'.repeat(141), text: '', category: 'food' });
		expect(result).toEqual({ success: false, errors: { title: 'validation.titleTooLong' } });
	});

	it('falls back to a generic key for issues it does not know', () => {
		expect(errorKey('title', 'something_new')).toBe('validation.invalid');
	});
});
