import { describe, expect, it } from 'vitest';
import { dueReminders, inAppDue, toNotify, type ReminderLike } from '$lib/ui/pledge/reminders';

const period = { startsOn: '2027-05-03', endsOn: '2027-07-03', status: 'active' as const };
const pledge = (id: string, weeks: number[] = [], overrides = {}) => ({
	id,
	fields: { ...period, action: 'car-free', ...overrides },
	checkIns: weeks.map((week) => ({
		fields: { startsOn: period.startsOn, week, result: 'done' as const }
	}))
});
const reminder = (pledge: string, overrides: Partial<ReminderLike> = {}): ReminderLike => ({
	pledge,
	enabled: true,
	channel: 'notification',
	lastShownOn: '',
	...overrides
});

describe('dueReminders', () => {
	it('is due when this week has no answer, not once it has', () => {
		const due = dueReminders(
			[pledge('a'), pledge('b', [2])],
			[reminder('a'), reminder('b')],
			'2027-05-12'
		);
		expect(due).toEqual([{ pledge: 'a', action: 'car-free', reason: 'week', week: 2 }]);
	});

	it('never reminds without consent, nor for withdrawn pledges', () => {
		const pledges = [pledge('a'), pledge('b'), pledge('c', [], { status: 'withdrawn' })];
		const reminders = [reminder('b', { enabled: false }), reminder('c')];
		expect(dueReminders(pledges, reminders, '2027-05-12')).toEqual([]);
	});

	it('asks whether it was kept once the period is over', () => {
		const due = dueReminders([pledge('a', [1, 2])], [reminder('a')], '2027-07-03');
		expect(due).toMatchObject([{ pledge: 'a', reason: 'end' }]);
	});

	it('has nothing due before the pledge starts', () => {
		expect(dueReminders([pledge('a')], [reminder('a')], '2027-05-01')).toEqual([]);
	});
});

describe('toNotify and inAppDue', () => {
	const due = dueReminders(
		[pledge('a'), pledge('b')],
		[reminder('a'), reminder('b', { channel: 'in-app' })],
		'2027-05-12'
	);

	it('notifies only with permission, by notification, once a day', () => {
		const reminders = [reminder('a'), reminder('b', { channel: 'in-app' })];
		expect(toNotify(due, reminders, 'granted', '2027-05-12').map((d) => d.pledge)).toEqual(['a']);
		const shown = [reminder('a', { lastShownOn: '2027-05-12' })];
		expect(toNotify(due, shown, 'granted', '2027-05-12')).toEqual([]);
		expect(toNotify(due, shown, 'granted', '2027-05-13')).toHaveLength(1);
		expect(toNotify(due, reminders, 'denied', '2027-05-12')).toEqual([]);
		expect(toNotify(due, reminders, 'unsupported', '2027-05-12')).toEqual([]);
	});

	it('falls back to the in-app list without notification permission', () => {
		const reminders = [reminder('a'), reminder('b', { channel: 'in-app' })];
		expect(inAppDue(due, reminders, 'granted').map((d) => d.pledge)).toEqual(['b']);
		expect(inAppDue(due, reminders, 'unsupported').map((d) => d.pledge)).toEqual(['a', 'b']);
		expect(inAppDue(due, reminders, 'denied').map((d) => d.pledge)).toEqual(['a', 'b']);
	});
});
