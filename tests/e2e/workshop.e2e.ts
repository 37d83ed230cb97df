/**
 * A whole workshop in the browser: a facilitator plans it in the builder and runs it from the
 * live board; three participants on phones take part, one of them offline for the whole
 * brainstorm. Ends with the CSV export, read back with a real CSV parser. Then clustering on
 * the board by dragging notes.
 */
import { devices, type BrowserContext, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { pullLive } from '../fixtures/hub';
import { createWorkshop, staffContext } from './harness/staff-api';
import { expect, test } from './harness/test';
import { BoardPage } from './pages/board-page';
import { JoinPage } from './pages/join-page';
import { WorkshopBoardPage } from './pages/workshop-board';
import { WorkshopBuilderPage } from './pages/workshop-builder';
import { WorkshopParticipantPage } from './pages/workshop-participant';

const brainstorm = 'How can Lindenstraße stay cool in summer?';
const dotVote = 'Which ideas should we start with?';
const poll = 'When should we meet again?';
const choices = ['Saturday morning', 'Wednesday evening'];
const cluster = 'Green shade';

/** Each phone's notes, with the category chip it picks. */
const notes = {
	Ana: [
		{ text: 'Plant trees along the tram line', category: 'Green and public space' },
		{ text: 'Water fountain at the square', category: 'Other' }
	],
	Ben: [
		{ text: 'Shade sails over the playground', category: 'Buildings' },
		{ text: 'Cool roofs on the school', category: 'Energy' }
	],
	Carol: [
		{ text: 'Misting poles at the bus stop', category: 'Mobility' },
		{ text: 'Open the church garden in heat waves', category: 'Green and public space' }
	]
};
const allNotes = Object.values(notes).flat();
const categoryIds: Record<string, string> = {
	'Green and public space': 'green-space',
	Other: 'other',
	Buildings: 'buildings',
	Energy: 'energy',
	Mobility: 'mobility'
};

interface CsvRow {
	activity: string;
	activity_prompt: string;
	cluster: string;
	category: string;
	text: string;
	language: string;
	votes: string;
	cluster_votes: string;
	hidden: string;
	created_at: string;
	updated_at: string;
}

/** A phone that opened the join link, read the notice and joined under `name`. */
async function joinByLink(context: BrowserContext, link: string, name: string): Promise<Page> {
	const page = await context.newPage();
	await page.goto(link);
	const join = new JoinPage(page);
	await expect(join.heading).toBeVisible();
	await join.join(name);
	await page.waitForURL((url) => url.pathname.startsWith('/s/'));
	return page;
}

test('a facilitator runs a workshop with three phones, one offline through the brainstorm', async ({
	browser,
	admin,
	hub,
	baseURL
}) => {
	test.setTimeout(240_000);
	const workshop = await createWorkshop(admin);
	const staff = await staffContext(browser, admin, baseURL!);
	const phones = await Promise.all(
		[0, 1, 2].map(() => browser.newContext({ ...devices['Pixel 7'], baseURL }))
	);
	const [anaContext, , carolContext] = phones;
	try {
		// The facilitator plans the agenda in the builder.
		const builder = new WorkshopBuilderPage(await staff.newPage());
		await builder.goto(workshop.id);
		await builder.add('brainstorm', brainstorm);
		await builder.useThemes(brainstorm);
		await builder.add('dot-vote', dotVote);
		await builder.setDotVote(dotVote, { target: brainstorm, dots: 3, maxPerItem: 2 });
		await builder.add('poll', poll);
		await builder.setPoll(poll, choices);
		await expect(builder.activities).toHaveCount(3);
		await builder.open(brainstorm);

		// The phones join by the link the staff page shows, and follow the room.
		const spacePage = new BoardPage(await staff.newPage());
		await spacePage.goto(workshop.id);
		const link = await spacePage.joinUrl();
		const [ana, ben, carol] = await Promise.all(
			phones.map(async (context, i) => {
				const page = await joinByLink(context, link, Object.keys(notes)[i]!);
				return new WorkshopParticipantPage(page);
			})
		);
		if (!ana || !ben || !carol || !anaContext || !carolContext) throw new Error('three phones');
		for (const phone of [ana, ben, carol]) await phone.expectNow(brainstorm);

		const board = new WorkshopBoardPage(spacePage.page);
		await board.goto(workshop.id);
		await expect(board.prompt).toHaveText(brainstorm);
		await expect(board.participantCount).toHaveText('3');

		// Carol loses the network for the whole brainstorm; her notes wait on her phone.
		await carolContext.setOffline(true);
		for (const note of notes.Carol) await carol.postNote(note.text, note.category);
		for (const note of notes.Carol) await carol.expectNoteBadge(note.text, 'waiting');
		for (const note of notes.Ana) await ana.postNote(note.text, note.category);
		for (const note of notes.Ben) await ben.postNote(note.text, note.category);
		for (const note of [...notes.Ana, ...notes.Ben]) {
			await expect(board.note(note.text)).toHaveCount(1);
		}
		await expect(board.noteCount).toHaveText('4');
		for (const note of notes.Carol) await expect(board.note(note.text)).toHaveCount(0);

		// She comes back at the end of the brainstorm: every note is on the board exactly once.
		await carolContext.setOffline(false);
		for (const note of notes.Carol) await carol.expectNoteBadge(note.text, 'confirmed', 30_000);
		await expect(board.notes).toHaveCount(allNotes.length);
		await expect(board.noteCount).toHaveText(String(allNotes.length));
		expect((await board.noteTexts()).map((text) => text.trim()).sort()).toEqual(
			allNotes.map((note) => note.text).sort()
		);

		// The facilitator groups the two green ideas.
		const green = [notes.Ana[0]!.text, notes.Carol[1]!.text];
		await board.group(green, cluster);
		await expect(board.cluster(cluster).getByTestId('board-note')).toHaveCount(2);

		// Dot voting: 3 dots each, at most 2 on one item; the phones keep to it.
		await builder.open(dotVote);
		await builder.expectStatus(brainstorm, 'closed');
		for (const phone of [ana, ben, carol]) await phone.expectNow(dotVote);
		await expect(ana.voteItems).toHaveCount(5); // the cluster and four loose notes
		await expect(ana.voteItem(green[0]!)).toHaveCount(0);
		await ana.expectDotsLeft(3);
		await ana.addDot(cluster, 1);
		await ana.addDot(cluster, 2);
		await expect(ana.addDotButton(cluster)).toBeDisabled(); // at most 2 per item
		await ana.addDot('Cool roofs on the school', 1);
		await ana.expectDotsLeft(0);
		for (const item of ['Cool roofs on the school', 'Water fountain at the square'])
			await expect(ana.addDotButton(item)).toBeDisabled(); // no dots left
		await ben.addDot('Shade sails over the playground', 1);
		await ben.addDot('Cool roofs on the school', 1);
		await ben.addDot('Cool roofs on the school', 2);
		await ben.expectDotsLeft(0);
		// Carol changes her mind once: a dot taken back is a dot to spend again.
		await carol.addDot('Misting poles at the bus stop', 1);
		await carol.addDot('Misting poles at the bus stop', 2);
		await carol.removeDotButton('Misting poles at the bus stop').click();
		await carol.expectDotsLeft(2);
		await carol.addDot(cluster, 1);
		await carol.addDot('Water fountain at the square', 1);
		await carol.expectDotsLeft(0);

		await board.show(dotVote);
		await expect(board.bar(cluster)).toHaveAttribute('data-value', '3');
		await expect(board.bar(cluster)).toContainText('3 dots');
		await expect(board.bar('Cool roofs on the school')).toHaveAttribute('data-value', '3');
		await expect(board.bar('Shade sails over the playground')).toHaveAttribute('data-value', '1');

		// The hub holds the same: nobody's dots add up to more than 3.
		const records = await pullLive(hub.url, workshop.id, admin);
		const votes = records.filter((record) => record.type === 'vote');
		const perAuthor = new Map<string, number>();
		for (const vote of votes)
			perAuthor.set(vote.author, (perAuthor.get(vote.author) ?? 0) + Number(vote.fields.count));
		expect([...perAuthor.values()].sort()).toEqual([3, 3, 3]);

		// A poll, then the workshop closes.
		await builder.open(poll);
		for (const phone of [ana, ben, carol]) await phone.expectNow(poll);
		await ana.answerPoll(choices[0]!);
		await ben.answerPoll(choices[1]!);
		await carol.answerPoll(choices[0]!);
		await board.show(poll);
		await expect(board.bar(choices[0]!)).toContainText('2 answers');
		await expect(board.bar(choices[1]!)).toContainText('1 answer');
		for (const phone of [ana, ben, carol])
			await expect(phone.myAnswer.getByTestId('sync-badge')).toHaveAttribute(
				'data-state',
				'confirmed',
				{ timeout: 15_000 }
			);
		await builder.close(poll);
		for (const phone of [ana, ben, carol]) await expect(phone.waiting).toBeVisible();

		// The CSV export, downloaded through the staff API, holds every note with its votes.
		const response = await admin.api.get(`/api/v1/spaces/${workshop.id}/export.csv`);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toMatch(/^text\/csv/);
		const parsed = Papa.parse<CsvRow>(await response.text(), {
			header: true,
			skipEmptyLines: true
		});
		expect(parsed.errors).toEqual([]);
		const rows = parsed.data;
		expect(rows).toHaveLength(allNotes.length);
		expect(rows.map((row) => row.text).sort()).toEqual(allNotes.map((note) => note.text).sort());
		// Votes on a note itself; the cluster's dots are the cluster's, on each of its notes.
		const expectedVotes: Record<string, number> = {
			'Plant trees along the tram line': 0,
			'Open the church garden in heat waves': 0,
			'Water fountain at the square': 1,
			'Shade sails over the playground': 1,
			'Cool roofs on the school': 3,
			'Misting poles at the bus stop': 1
		};
		for (const note of allNotes) {
			const row = rows.find((r) => r.text === note.text)!;
			expect(row, note.text).toMatchObject({
				activity_prompt: brainstorm,
				category: categoryIds[note.category],
				cluster: green.includes(note.text) ? cluster : '',
				votes: String(expectedVotes[note.text]),
				cluster_votes: green.includes(note.text) ? '3' : '0',
				hidden: 'false',
				language: 'en'
			});
			expect(Date.parse(row.created_at)).not.toBeNaN();
		}
		const json = await admin.api.get(`/api/v1/spaces/${workshop.id}/export.json`);
		const exported = (await json.json()) as {
			licence: string;
			results: { prompt: string; votes?: { cluster: string; votes: number }[] }[];
		};
		expect(exported.licence).toBe('CC-BY-4.0');
		const ranking = exported.results.find((result) => result.prompt === dotVote)?.votes ?? [];
		expect(ranking.find((entry) => entry.cluster === cluster)?.votes).toBe(3);
	} finally {
		await Promise.all([staff, ...phones].map((context) => context.close()));
	}
});

test('the facilitator drags notes into clusters on the live board', async ({
	browser,
	admin,
	hub,
	baseURL
}) => {
	test.setTimeout(120_000);
	const workshop = await createWorkshop(admin);
	const staff = await staffContext(browser, admin, baseURL!);
	const cards = ['Solar on the depot', 'Heat pumps for the flats', 'Car-free Sundays', 'Bike bus'];
	try {
		const builder = new WorkshopBuilderPage(await staff.newPage());
		await builder.goto(workshop.id);
		await builder.add('brainstorm', brainstorm);
		await builder.open(brainstorm);
		const page = builder.page;
		await page.goto(`/facilitate/${workshop.id}/capture`);
		const field = page.getByLabel('Card text');
		for (const card of cards) {
			await field.fill(card);
			await field.press('Enter');
			await expect(field).toHaveValue('');
		}
		// The field clears at once and the card is written a moment later: leave once all show.
		await expect(page.getByTestId('captured-item')).toHaveCount(cards.length);

		const board = new WorkshopBoardPage(page);
		await board.goto(workshop.id);
		await expect(board.notes).toHaveCount(cards.length);
		await expect(board.participantCount).toHaveText('0');
		await expect(board.waitingCount).toHaveText('0');

		// A note dropped on a loose note: the two make a new cluster.
		await board.dragNote(cards[1]!, board.note(cards[0]!));
		const energy = board.cluster('New cluster');
		await expect(energy.getByTestId('board-note')).toHaveCount(2);
		// A note dropped on a cluster joins it; dropped on the loose notes' heading, it leaves.
		await board.dragNote(cards[2]!, energy);
		await expect(energy.getByTestId('board-note')).toHaveCount(3);
		await board.dragNote(cards[2]!, board.unclustered, { x: 12, y: 12 });
		await expect(energy.getByTestId('board-note')).toHaveCount(2);
		await expect(board.unclustered.getByTestId('board-note')).toHaveCount(2);
		// Each note is still shown exactly once.
		for (const card of cards) await expect(board.note(card)).toHaveCount(1);

		// The hub holds the same clusters once the board's device has synced.
		await expect
			.poll(
				async () => {
					const records = await pullLive(hub.url, workshop.id, admin);
					const clusters = records.filter((r) => r.type === 'cluster');
					const notes = records.filter((r) => r.type === 'note');
					const clusterOf = (text: string) =>
						notes.find((n) => n.fields.text === text)?.fields.cluster ?? '';
					return {
						clusters: clusters.map((c) => c.fields.name),
						grouped: cards.map(clusterOf).map((id) => (id ? clusters[0]?.id === id : false))
					};
				},
				{ timeout: 20_000 }
			)
			.toEqual({ clusters: ['New cluster'], grouped: [true, true, false, false] });

		// Every note records its language: the board filters by it, results count by it.
		await expect(page.getByTestId('language-filter')).toBeVisible();
		await page.goto(`/facilitate/${workshop.id}/results`);
		const english = page.getByTestId('language-participation').locator('[data-language="en"]');
		await expect(english).toContainText('English');
		await expect(english.getByRole('cell')).toHaveText(['4', '1']);
	} finally {
		await staff.close();
	}
});
