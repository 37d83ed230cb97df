import { describe, expect, it } from 'vitest';
import { validateReason } from '$lib/ui/staff/form-reason';
import {
	validateAccept,
	validateInvite,
	validateLogin,
	validateNewSpace,
	validateOrganisation,
	validateSetup,
	validateSpaceEdit,
	type SpaceFormInput
} from '$lib/ui/staff/forms';

const setup = {
	organisation: 'City of Testhausen',
	name: 'Ada Admin',
	email: ' Ada@Testhausen.Example ',
	password: 'a long admin passphrase'
};

describe('validateSetup', () => {
	it('accepts a complete form and normalises the email', () => {
		const result = validateSetup(setup);
		expect(result).toEqual({
			success: true,
			output: { ...setup, email: 'ada@testhausen.example' }
		});
	});

	it('shows the 12-character password rule with its number', () => {
		const result = validateSetup({ ...setup, password: 'short' });
		expect(result.success).toBe(false);
		if (!result.success)
			expect(result.errors.password).toEqual({
				key: 'staff.validation.tooShort',
				options: { count: 12 }
			});
	});

	it('reports one error per field', () => {
		const result = validateSetup({ organisation: ' ', name: '', email: 'nope', password: '' });
		expect(result.success).toBe(false);
		if (!result.success)
			expect(result.errors).toEqual({
				organisation: { key: 'staff.validation.required' },
				name: { key: 'staff.validation.required' },
				email: { key: 'staff.validation.email' },
				password: { key: 'staff.validation.tooShort', options: { count: 12 } }
			});
	});

	it('caps names at 100 characters', () => {
		const result = validateSetup({ ...setup, name: 'x'.repeat(101) });
		expect(result.success ? null : result.errors.name).toEqual({
			key: 'staff.validation.tooLong',
			options: { count: 100 }
		});
	});
});

describe('validateLogin', () => {
	it('accepts any non-empty password: the hub judges it', () => {
		expect(validateLogin({ email: 'a@b.example', password: 'x' }).success).toBe(true);
	});

	it('asks for a password and a well-formed email', () => {
		const result = validateLogin({ email: 'a@', password: '' });
		expect(result.success ? null : result.errors).toEqual({
			email: { key: 'staff.validation.email' },
			password: { key: 'staff.validation.required' }
		});
	});
});

describe('validateInvite and validateAccept', () => {
	it('takes a facilitator or admin role only', () => {
		expect(validateInvite({ email: 'f@b.example', role: 'facilitator' }).success).toBe(true);
		const result = validateInvite({ email: 'f@b.example', role: 'owner' });
		expect(result.success ? null : result.errors.role).toEqual({ key: 'staff.validation.choose' });
	});

	it('needs a name and a 12-character password to accept', () => {
		expect(validateAccept({ name: 'Finn', password: 'twelve chars' }).success).toBe(true);
		expect(validateAccept({ name: 'Finn', password: 'eleven char' }).success).toBe(false);
	});
});

describe('validateNewSpace', () => {
	const form: SpaceFormInput & { kind: string } = {
		id: ' tenants-nord ',
		kind: 'ideas',
		title: 'Tenants of Nordstadt',
		purpose: 'Ideas for the courtyards.',
		privacyNotice: 'We keep your ideas until 2027.',
		erasePolicy: 'anonymise',
		retentionUntil: '',
		published: false,
		date: '',
		place: '',
		languages: []
	};

	it('turns empty dates into none and trims the id', () => {
		const result = validateNewSpace(form);
		expect(result.success && result.output).toEqual({
			...form,
			id: 'tenants-nord',
			retentionUntil: null,
			date: null
		});
	});

	it('keeps the kind, day, place and languages of a workshop', () => {
		const workshop = { ...form, kind: 'workshop', date: '2027-03-14', place: ' Town hall ' };
		const result = validateNewSpace({ ...workshop, languages: ['de', 'fr'] });
		expect(result.success && result.output).toMatchObject({
			kind: 'workshop',
			date: '2027-03-14',
			place: 'Town hall',
			languages: ['de', 'fr']
		});
		const twice = validateNewSpace({ ...workshop, languages: ['de', 'de'] });
		expect(twice.success ? null : Object.keys(twice.errors)).toEqual(['languages']);
	});

	it('keeps a retention date', () => {
		const result = validateNewSpace({ ...form, retentionUntil: '2027-06-30' });
		expect(result.success && result.output.retentionUntil).toBe('2027-06-30');
	});

	it('explains a bad id, a missing notice and a bad erase policy', () => {
		const result = validateNewSpace({
			...form,
			id: 'Tenants Nord',
			privacyNotice: '  ',
			erasePolicy: 'shred'
		});
		expect(result.success ? null : result.errors).toEqual({
			id: { key: 'staff.validation.spaceId' },
			privacyNotice: { key: 'staff.validation.required' },
			erasePolicy: { key: 'staff.validation.choose' }
		});
	});
});

describe('validateReason', () => {
	it('needs a reason of at most 500 characters, trimmed', () => {
		expect(validateReason('  Duplicate  ')).toEqual({
			success: true,
			output: { reason: 'Duplicate' }
		});
		expect(validateReason(' ').success).toBe(false);
		const long = validateReason('x'.repeat(501));
		expect(long.success ? null : long.errors.reason).toEqual({
			key: 'staff.validation.tooLong',
			options: { count: 500 }
		});
	});
});

describe('validateOrganisation', () => {
	it('accepts a name and the admin email, normalised', () => {
		expect(validateOrganisation({ name: ' Nordstadt ', adminEmail: 'Nora@B.Example' })).toEqual({
			success: true,
			output: { name: 'Nordstadt', adminEmail: 'nora@b.example' }
		});
	});

	it('asks for both fields', () => {
		const result = validateOrganisation({ name: '', adminEmail: 'nora' });
		expect(result.success).toBe(false);
		if (!result.success)
			expect(result.errors).toEqual({
				name: { key: 'staff.validation.required' },
				adminEmail: { key: 'staff.validation.email' }
			});
	});
});

describe('validateSpaceEdit', () => {
	const edit = {
		title: ' Tenants ',
		purpose: 'Courtyards',
		privacyNotice: 'We keep it a year.',
		retentionUntil: '',
		published: true,
		date: '',
		place: '',
		languages: ['de'],
		language: 'de',
		translations: { ar: { title: 'المستأجرون' } }
	};

	it('trims texts and reads an empty date as "no date"', () => {
		expect(validateSpaceEdit(edit)).toEqual({
			success: true,
			output: { ...edit, title: 'Tenants', retentionUntil: null, date: null }
		});
	});

	it('keeps a real date and refuses a day that does not exist', () => {
		const kept = validateSpaceEdit({ ...edit, retentionUntil: '2027-06-30' });
		expect(kept.success && kept.output.retentionUntil).toBe('2027-06-30');
		const result = validateSpaceEdit({ ...edit, retentionUntil: '2027-02-31' });
		expect(result.success).toBe(false);
		if (!result.success) expect(Object.keys(result.errors)).toEqual(['retentionUntil']);
	});

	it('never sends the id or the erase policy', () => {
		const result = validateSpaceEdit(edit);
		expect(result.success && Object.keys(result.output).sort()).toEqual([
			'date',
			'language',
			'languages',
			'place',
			'privacyNotice',
			'published',
			'purpose',
			'retentionUntil',
			'title',
			'translations'
		]);
	});

	it('refuses a translation in no language and one longer than its original may be', () => {
		const unknown = validateSpaceEdit({ ...edit, translations: { klingon: { title: 'x' } } });
		expect(unknown.success).toBe(false);
		if (!unknown.success) expect(Object.keys(unknown.errors)).toEqual(['translations']);
		const long = validateSpaceEdit({ ...edit, translations: { ar: { title: 'x'.repeat(141) } } });
		expect(long.success).toBe(false);
	});

	it('requires the title, purpose and privacy notice', () => {
		const result = validateSpaceEdit({ ...edit, title: '', purpose: ' ', privacyNotice: '' });
		expect(result.success).toBe(false);
		if (!result.success)
			expect(Object.keys(result.errors).sort()).toEqual(['privacyNotice', 'purpose', 'title']);
	});
});
