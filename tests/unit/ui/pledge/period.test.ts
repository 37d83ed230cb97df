import { describe, expect, it } from 'vitest';
import { defaultPeriod, periodInput } from '$lib/ui/pledge/period';

describe('periodInput', () => {
	it('defaults to two months; two weeks is a last day', () => {
		expect(defaultPeriod).toBe('2m');
		expect(periodInput('2m', '2027-05-03')).toEqual({ months: 2 });
		expect(periodInput('1y', '2027-05-03')).toEqual({ months: 12 });
		expect(periodInput('2w', '2027-05-03')).toEqual({ endsOn: '2027-05-17' });
	});
});
