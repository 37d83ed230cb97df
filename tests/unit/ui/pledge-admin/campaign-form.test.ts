import { describe, expect, it } from 'vitest';
import { pledgeThemes } from '$lib/domain/pledge/catalogue';
import { blankCampaign, campaignInput, validateCampaign } from '$lib/ui/pledge-admin/campaign-form';

describe('campaign goal form', () => {
	it('turns empty goals into none and keeps themes in catalogue order', () => {
		const result = validateCampaign({
			goalPeople: '',
			goalTco2e: '300',
			themes: ['food', 'mobility']
		});
		expect(result).toEqual({
			success: true,
			output: { goalPeople: null, goalTco2e: 300, themes: ['mobility', 'food'] }
		});
	});

	it('says what is wrong with each field', () => {
		const result = validateCampaign({ goalPeople: '2.5', goalTco2e: '0', themes: [] });
		expect(result.success).toBe(false);
		if (result.success) return;
		expect(result.errors.goalPeople?.key).toBe('pledgeAdmin.errors.whole');
		expect(result.errors.goalTco2e).toEqual({
			key: 'pledgeAdmin.errors.min',
			options: { count: 0.1 }
		});
		expect(result.errors.themes?.key).toBe('pledgeAdmin.errors.themes');
	});

	it('fills the form from a saved campaign, or with every theme', () => {
		expect(blankCampaign().themes).toEqual([...pledgeThemes]);
		expect(campaignInput({ goalPeople: 500, goalTco2e: null, themes: ['food'] })).toEqual({
			goalPeople: '500',
			goalTco2e: '',
			themes: ['food']
		});
	});
});
