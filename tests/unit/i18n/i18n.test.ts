import { beforeAll, describe, expect, it } from 'vitest';
import { i18n, t } from '$lib/i18n/index.svelte';
import { detectLanguage } from '$lib/i18n/languages';

describe('detectLanguage', () => {
	it('prefers the remembered choice', () => {
		expect(detectLanguage(['fr-FR'], 'de')).toBe('de');
	});

	it('matches a regional browser language to the shipped base language', () => {
		expect(detectLanguage(['gsw-CH', 'de-AT', 'fr'], null)).toBe('de');
		expect(detectLanguage(['ar-MA'], null)).toBe('ar');
	});

	it('reads Norwegian in any of its tags as Bokmål', () => {
		expect(detectLanguage(['no'], null)).toBe('nb');
		expect(detectLanguage(['nn-NO'], null)).toBe('nb');
		expect(detectLanguage(['nb-NO'], null)).toBe('nb');
	});

	it('ignores an unknown remembered value and falls back to English', () => {
		expect(detectLanguage(['ja-JP'], 'xx')).toBe('en');
	});
});

describe('i18n', () => {
	beforeAll(() => i18n.init());

	it('translates, interpolates and pluralises in English', async () => {
		await i18n.setLanguage('en', false);
		expect(t('nav.home')).toBe('Home');
		expect(t('sync.waiting', { count: 1 })).toBe('1 change waiting');
		expect(t('sync.waiting', { count: 3 })).toBe('3 changes waiting');
		expect(t('idea.editLabel', { title: '<b>x</b>' })).toBe('Edit: <b>x</b>');
	});

	it('loads another language on first use', async () => {
		await i18n.setLanguage('de', false);
		expect(i18n.language).toBe('de');
		expect(t('nav.home')).toBe('Start');
		expect(t('sync.waiting', { count: 2 })).toBe('2 Änderungen warten');
		await i18n.setLanguage('fr', false);
		expect(t('sync.retry')).toBe('Réessayer');
	});

	it('maps error codes to messages, unknown codes to a generic one', async () => {
		await i18n.setLanguage('en', false);
		expect(i18n.error('quota-exceeded')).toMatch(/out of storage/);
		expect(i18n.error('no-such-code')).toBe('Something went wrong.');
		expect(i18n.error(undefined)).toBe('Something went wrong.');
	});

	it('formats times in the current language', async () => {
		const at = Date.UTC(2025, 2, 3, 14, 2);
		await i18n.setLanguage('de', false);
		const german = i18n.dateTime(at);
		await i18n.setLanguage('en', false);
		expect(i18n.dateTime(at)).not.toBe(german);
		expect(german).toMatch(/2025/);
	});
});
