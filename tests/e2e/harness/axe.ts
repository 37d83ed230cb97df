/**
 * The accessibility checks of the browser tests: axe-core finds nothing on the page, and the
 * keyboard helpers (Tab to an element, focus inside a dialog, a visible focus indicator).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from '../pages/app-shell';

interface ScanOptions {
	/** Record a failure and go on (a test that scans many pages reports all of them at once). */
	soft?: boolean;
}

export async function expectNoViolations(
	page: Page,
	label: string,
	{ soft = false }: ScanOptions = {}
): Promise<void> {
	const results = await new AxeBuilder({ page }).analyze();
	const summary = results.violations.map(
		(violation) =>
			`${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`
	);
	(soft ? expect.soft : expect)(summary, `axe violations on ${label}`).toEqual([]);
}

/**
 * Scans the page shown in English, then switches the header's language to Arabic (right to
 * left) and scans it again once `shown` is back, and returns to English.
 */
export async function expectNoViolationsInEnglishAndArabic(
	page: Page,
	label: string,
	shown: Locator,
	options: ScanOptions = {}
): Promise<void> {
	const shell = new AppShell(page);
	for (const [language, dir] of [
		['English', 'ltr'],
		['العربية', 'rtl']
	] as const) {
		await shell.switchLanguage(language);
		await expect(page.locator('html')).toHaveAttribute('dir', dir);
		await expect(shown).toBeVisible();
		await expectNoViolations(page, `${label} in ${language}`, options);
	}
	await shell.switchLanguage('English');
	await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
}

const hasFocus = (target: Locator) => target.evaluate((el) => el === document.activeElement);

/** Presses Tab (or Shift+Tab with `backwards`) until `target` has focus, at most `limit` times. */
export async function tabTo(page: Page, target: Locator, limit = 80, backwards = false) {
	for (let steps = 0; !(await hasFocus(target)); steps++) {
		expect(steps, 'reachable with Tab').toBeLessThan(limit);
		await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
	}
}

/** The focused element is inside `container` (a dialog took focus when it opened). */
export async function expectFocusInside(container: Locator): Promise<void> {
	await expect
		.poll(() => container.evaluate((el) => el.contains(document.activeElement)), {
			message: 'focus moved into the dialog'
		})
		.toBe(true);
}

/**
 * The focused element shows a focus indicator: it matches :focus-visible and has an outline
 * (or a box-shadow ring) that is drawn.
 */
export async function expectFocusVisible(page: Page): Promise<void> {
	const focus = await page.evaluate(() => {
		const el = document.activeElement;
		if (!el || el === document.body) return { element: 'body', visible: false, ring: 'none' };
		const style = getComputedStyle(el);
		const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
		return {
			element: `${el.tagName.toLowerCase()} ${el.getAttribute('aria-label') ?? ''}`.trim(),
			visible: el.matches(':focus-visible'),
			ring: outline ? `outline ${style.outlineWidth} ${style.outlineStyle}` : style.boxShadow
		};
	});
	expect(focus.visible, `${focus.element} matches :focus-visible`).toBe(true);
	expect(focus.ring, `${focus.element} shows a focus ring`).not.toBe('none');
}
