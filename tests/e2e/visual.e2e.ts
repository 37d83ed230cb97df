/**
 * Seeing and touching (issue 7): the impact chart is mirrored in Arabic and reads left to right
 * in English; at 200 % zoom the participant pages reflow without sideways scrolling, keep their
 * controls reachable, and every touch target is at least 44 × 44 CSS px; with reduced motion
 * nothing moves for longer than 0.01 s. What each page uses besides colour is in
 * docs/accessibility.md.
 */
import type { Page } from '@playwright/test';
import { oncePerPersonId } from '../../src/lib/domain/ids';
import { pledgeTarget } from '../../src/lib/domain/records/pledge';
import { joinByApi, pushByApi } from './harness/participants';
import { seedWorkshop } from './harness/seed';
import {
	createMapSpace,
	createSpace,
	createWorkshop,
	type AdminSession,
	type ProvisionedSpace
} from './harness/staff-api';
import { expect, test } from './harness/test';
import { ImpactPage } from './pages/impact-page';
import { joinSpace } from './pages/join-page';
import { PledgePage } from './pages/pledge-page';
import { SpacePage } from './pages/space-page';
import { WorkshopParticipantPage } from './pages/workshop-participant';

const dayMs = 86_400_000;

function campaign(admin: AdminSession): Promise<ProvisionedSpace> {
	return createSpace(admin, {
		kind: 'pledge',
		title: 'Car-free May',
		pledge: { goalPeople: 50, goalTco2e: 30, themes: ['mobility', 'food'] },
		impactPublic: true
	});
}

/** Five people (the dashboards hide fewer) who each pledge in two themes, so two bars show. */
async function crowd(url: string, space: ProvisionedSpace): Promise<void> {
	const today = new Date().toISOString().slice(0, 10);
	const endsOn = new Date(Date.now() + 60 * dayMs).toISOString().slice(0, 10);
	const fields = { startsOn: today, endsOn, status: 'active', origin: '', language: 'en' };
	for (let i = 0; i < 5; i++) {
		const who = await joinByApi(url, space.joinCode);
		const pledge = (action: string, level: number) => ({
			id: oncePerPersonId(space.id, pledgeTarget(action), who.participant),
			type: 'pledge' as const,
			fields: { ...fields, action, level, createdAt: Date.now() }
		});
		await pushByApi(url, who, space.id, [pledge('car-free', 5), pledge('vegetarian', 2)]);
	}
}

interface Box {
	left: number;
	right: number;
}

/** Horizontal extent of the chart's bars, theme names and values, in CSS px of the page. */
async function chartBoxes(page: Page) {
	const chart = page.getByTestId('impact-chart');
	await expect(chart.locator('rect.bar')).toHaveCount(2);
	return chart.evaluate((svg) => {
		const box = (el: Element): Box => {
			const { left, right } = el.getBoundingClientRect();
			return { left, right };
		};
		// Each theme draws its name, its bar (when it has one) and its value, in that order.
		const bars = Array.from(svg.querySelectorAll('rect.bar'));
		return {
			plot: box(svg),
			bars: bars.map(box),
			names: bars.map((bar) => box(bar.previousElementSibling!)),
			values: bars.map((bar) => box(bar.nextElementSibling!))
		};
	});
}

test('the impact chart reads left to right in English and is mirrored in Arabic', async ({
	page,
	admin,
	hub
}) => {
	const space = await campaign(admin);
	await crowd(hub.url, space);
	const dashboard = new ImpactPage(page);
	await dashboard.open(space.id);
	await dashboard.expectPeople('5');

	const en = await chartBoxes(page);
	const [long, short] = en.bars;
	// Bars start together after the names, at the left, and grow to the right.
	expect(short!.left).toBeCloseTo(long!.left, 0);
	expect(short!.right).toBeLessThan(long!.right);
	expect(long!.left).toBeLessThan((en.plot.left + en.plot.right) / 2);
	en.names.forEach((name, i) => expect(name.right).toBeLessThanOrEqual(en.bars[i]!.left));
	en.bars.forEach((bar, i) => expect(en.values[i]!.left).toBeGreaterThan(bar.right));

	await dashboard.switchLanguage('العربية');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.getByTestId('impact-chart')).toHaveCSS('direction', 'rtl');
	const ar = await chartBoxes(page);
	const [arLong, arShort] = ar.bars;
	// Mirrored: the bars start together at the right of the plot (left of the names there) and
	// grow to the left; each value stands left of its bar.
	expect(arShort!.right).toBeCloseTo(arLong!.right, 0);
	expect(arShort!.left).toBeGreaterThan(arLong!.left);
	expect(arLong!.right).toBeGreaterThan((ar.plot.left + ar.plot.right) / 2);
	expect(ar.plot.right - arLong!.right).toBeCloseTo(long!.left - en.plot.left, 0);
	ar.names.forEach((name, i) => expect(name.left).toBeGreaterThanOrEqual(ar.bars[i]!.right));
	ar.bars.forEach((bar, i) => expect(ar.values[i]!.right).toBeLessThan(bar.left));
	// The value is still a number in the Arabic sentence (Western or Arabic-Indic digits).
	await expect(page.getByTestId('impact-chart').locator('text.value').first()).toContainText(
		/[0-9٠-٩]/
	);
});

/** A participant with an idea, a pledge and a map space; the paths of their main pages. */
async function participantPages(page: Page, admin: AdminSession, space: ProvisionedSpace) {
	const pledges = await campaign(admin);
	const map = await createMapSpace(admin);
	await joinSpace(page, space, 'Samira');
	const spacePage = new SpacePage(page);
	await spacePage.addIdea({ title: 'Benches in the shade' });
	const idea = await spacePage.recordId('Benches in the shade');
	await joinSpace(page, pledges, 'Samira');
	const pledgePage = new PledgePage(page);
	await pledgePage.open(pledges.id);
	await pledgePage.chooseAction('Leave the car at home');
	await pledgePage.pledge();
	const card = pledgePage.card('Leave the car at home');
	await card.checkIn('did it');
	// The pressed answer carries a check mark as well as its fill (colour is not the only sign).
	const pressed = card.root.locator('button[aria-pressed="true"]');
	expect(await pressed.evaluate((button) => getComputedStyle(button, '::before').content)).toMatch(
		/^"✓"/
	);
	await expect(pressed).toHaveAccessibleName('This week: did it');
	await joinSpace(page, map, 'Samira');
	return [
		'/',
		`/join/${space.joinCode}`,
		`/s/${space.id}`,
		`/s/${space.id}/ideas/${idea}`,
		`/s/${pledges.id}/pledges`,
		`/s/${pledges.id}/pledges?action=car-free`,
		`/impact/${pledges.id}`,
		`/s/${map.id}`,
		'/settings',
		'/me',
		'/accessibility'
	];
}

/**
 * Controls narrower or shorter than 44 CSS px (WCAG 2.5.5): buttons, links styled or placed as
 * buttons (header navigation, a link alone in its paragraph), fields, selects, disclosure
 * summaries, and for a checkbox or radio its label, which toggles it too. Exempt, as WCAG
 * exempts them: links inside running text (their block holds other text), whose size the line
 * sets. Hidden elements (no box, or the 1 px visually-hidden ones) are not targets.
 */
function smallTargets(): string[] {
	const least = 44 - 0.5;
	const seen = new Set<Element>();
	const small: string[] = [];
	const selector = 'button, a[href], [role="button"], input, select, textarea, summary';
	for (const control of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
		const own = control.getBoundingClientRect();
		if (own.width <= 1 || own.height <= 1 || getComputedStyle(control).visibility === 'hidden')
			continue;
		const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
		const link = control.matches('a') && !control.matches('.button, [role="button"], nav a');
		if (link && text(control.parentElement) !== text(control)) continue;
		const toggle =
			control instanceof HTMLInputElement && ['checkbox', 'radio'].includes(control.type);
		const target = (toggle && (control.closest('label') ?? control.labels?.[0])) || control;
		if (seen.has(target)) continue;
		seen.add(target);
		const { width, height } = target.getBoundingClientRect();
		if (width < least || height < least) {
			const name = text(target) || control.getAttribute('aria-label') || control.id;
			small.push(`${target.tagName.toLowerCase()} "${name}" ${width}×${height}`);
		}
	}
	return small;
}

/**
 * Controls of the page that cannot be reached at this size: once scrolled to, a control must lie
 * inside the viewport's width and be what a tap at its centre hits (nothing covers it).
 */
function unreachable(): string[] {
	const lost: string[] = [];
	const selector =
		'main button, main a.button, main input, main select, main textarea, header select';
	for (const control of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
		if (control.getBoundingClientRect().width <= 1) continue;
		control.scrollIntoView({ block: 'center', inline: 'center' });
		const box = control.getBoundingClientRect();
		const inside = box.left >= -0.5 && box.right <= document.documentElement.clientWidth + 0.5;
		const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
		const label = control.closest('label');
		if (!inside || !hit || !(control.contains(hit) || label?.contains(hit)))
			lost.push(`${control.tagName.toLowerCase()} "${control.textContent?.trim() ?? ''}"`);
	}
	window.scrollTo(0, 0);
	return lost;
}

/** Links (not buttons, not the header's) told from the text around them by colour alone. */
function linksWithoutUnderline(): string[] {
	const links = document.querySelectorAll<HTMLElement>(
		'main a[href]:not(.button, [role="button"]), footer a[href]'
	);
	return Array.from(links)
		.filter((link) => link.getBoundingClientRect().width > 1)
		.filter((link) => !getComputedStyle(link).textDecorationLine.includes('underline'))
		.map((link) => link.textContent?.trim() ?? '');
}

/**
 * The page as it is now: no sideways scrolling, every control reachable and large enough,
 * every link in the content underlined.
 */
async function expectFits(page: Page, path: string): Promise<void> {
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect({ path, overflow }).toEqual({ path, overflow: 0 });
	expect({ path, unreachable: await page.evaluate(unreachable) }).toEqual({
		path,
		unreachable: []
	});
	expect({ path, small: await page.evaluate(smallTargets) }).toEqual({ path, small: [] });
	expect({ path, plain: await page.evaluate(linksWithoutUnderline) }).toEqual({ path, plain: [] });
}

test.describe('at 200 % zoom', () => {
	// 1280 × 800 CSS px zoomed to 200 %: half the CSS pixels, each drawn twice as large.
	test.use({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });

	test('participant pages reflow, keep their controls reachable and every target is 44 × 44 px', async ({
		page,
		admin,
		hub,
		space
	}) => {
		const paths = await participantPages(page, admin, space);
		for (const path of paths) {
			await page.goto(path);
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			await expectFits(page, path);
		}

		// A workshop on a phone, with each kind of activity open in turn.
		const workshop = await createWorkshop(admin);
		const seeded = await seedWorkshop(hub.url, admin, workshop);
		await joinSpace(page, workshop, 'Samira');
		const room = new WorkshopParticipantPage(page);
		for (const kind of Object.keys(seeded.prompts) as (keyof typeof seeded.prompts)[]) {
			await seeded.open(kind);
			await room.expectNow(seeded.prompts[kind]);
			await expectFits(page, `/s/<workshop> (${kind})`);
		}
		// …and the check would see a target that is too small.
		await page.evaluate(() => {
			const tiny = document.createElement('button');
			tiny.textContent = 'tiny';
			tiny.style.cssText = 'min-block-size: 0; min-inline-size: 0; padding: 0; block-size: 24px';
			document.querySelector('main')!.append(tiny);
		});
		expect(await page.evaluate(smallTargets)).toEqual([expect.stringMatching(/^button "tiny" /)]);
	});
});

/** Elements whose CSS animation or transition runs longer than `seconds`, and running animations. */
function moving(seconds: number): string[] {
	const longest = (list: string) =>
		Math.max(
			...list.split(',').map((item) => {
				const value = parseFloat(item);
				return item.trim().endsWith('ms') ? value / 1000 : value;
			})
		);
	const found: string[] = [];
	for (const el of Array.from(document.querySelectorAll('*'))) {
		for (const pseudo of [null, '::before', '::after']) {
			const style = getComputedStyle(el, pseudo);
			const animated = style.animationName !== 'none' && longest(style.animationDuration) > seconds;
			const transition =
				style.transitionProperty !== 'none' && longest(style.transitionDuration) > seconds;
			if (animated || transition)
				found.push(`${el.tagName.toLowerCase()}${pseudo ?? ''}.${el.className.toString()}`);
		}
	}
	for (const animation of document.getAnimations()) {
		const duration = Number(animation.effect?.getComputedTiming().duration ?? 0);
		if (duration > seconds * 1000) found.push(`animation ${animation.id || duration}`);
	}
	return found;
}

test.describe('with reduced motion', () => {
	test.use({ reducedMotion: 'reduce' });

	test('nothing animates or transitions for longer than 0.01 s', async ({ page, admin, space }) => {
		const map = await createMapSpace(admin);
		await joinSpace(page, space, 'Mira');
		const spacePage = new SpacePage(page);
		await spacePage.addIdea({ title: 'A drinking fountain' });
		expect(await page.evaluate(moving, 0.01)).toEqual([]);

		await joinSpace(page, map, 'Mira');
		// Leaflet zooms with CSS transitions; the zoom must not run as one.
		await page.locator('.leaflet-control-zoom-in').click();
		expect(await page.evaluate(moving, 0.01)).toEqual([]);

		// A later component's own motion is stopped too: the rule in app.css wins over it.
		await page.evaluate(() => {
			const probe = document.createElement('div');
			probe.id = 'motion-probe';
			probe.style.transition = 'opacity 2s';
			probe.style.animation = 'plaza-probe 2s infinite';
			document.body.append(probe);
		});
		expect(await page.evaluate(moving, 0.01)).toEqual([]);
		// …and the check would see it without the preference.
		await page.emulateMedia({ reducedMotion: 'no-preference' });
		expect(await page.evaluate(moving, 0.01)).toContain('div.');
	});
});
