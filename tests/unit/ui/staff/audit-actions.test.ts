import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '$lib/i18n/index.svelte';
import { auditActionLabel } from '$lib/ui/staff/format';

const serverDir = path.resolve(import.meta.dirname, '../../../../src/lib/server');

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const file = path.join(dir, name);
		return statSync(file).isDirectory() ? files(file) : file.endsWith('.ts') ? [file] : [];
	});
}

/** Every dotted verb in a hub module that writes the audit log (they import `audit`). */
function hubActions(): string[] {
	const actions = files(serverDir)
		.map((file) => readFileSync(file, 'utf8'))
		.filter((text) => /from '\.\.?\/audit'/.test(text))
		.flatMap((text) => [...text.matchAll(/'([a-z]+\.[a-z-]+)'/g)].map((m) => m[1] ?? ''));
	return [...new Set(actions)].sort();
}

describe('audit action names', () => {
	beforeAll(() => i18n.init());

	it('finds the actions the hub writes', () => {
		expect(hubActions()).toEqual(
			expect.arrayContaining(['hub.setup', 'invite.create', 'space.update', 'record.hide'])
		);
	});

	for (const language of ['en', 'de', 'fr'] as const)
		it(`translates every one of them in ${language}`, async () => {
			await i18n.setLanguage(language, false);
			const untranslated = hubActions().filter((action) => auditActionLabel(action) === action);
			expect(untranslated).toEqual([]);
		});

	it('translates in the current language', async () => {
		await i18n.setLanguage('de', false);
		expect(auditActionLabel('record.hide')).toBe('Beitrag ausgeblendet');
		await i18n.setLanguage('en', false);
		expect(auditActionLabel('record.hide')).toBe('Contribution hidden');
	});

	it('shows an unknown action, or a namespace of actions, as its code', async () => {
		await i18n.setLanguage('en', false);
		expect(auditActionLabel('space.teleport')).toBe('space.teleport');
		expect(auditActionLabel('space')).toBe('space');
		expect(auditActionLabel('constructor')).toBe('constructor');
		expect(auditActionLabel('')).toBe('');
	});
});
