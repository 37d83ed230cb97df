import { describe, expect, it } from 'vitest';
import type { Actor, SpaceInfo } from '../../../src/lib/domain/auth';
import {
	authorOf,
	canManageSpace,
	canModerate,
	canPull,
	canPush,
	canReport,
	seesHidden
} from '../../../src/lib/domain/policy';

const space: SpaceInfo = {
	id: 'tenants-nord',
	organisation: 'org-city',
	facilitators: ['acc-fac'],
	published: false,
	status: 'open',
	retentionUntil: null
};

const account = (accountId: string, role: 'admin' | 'facilitator', organisation = 'org-city') =>
	({ kind: 'account', accountId, organisation, role, email: 'a@b.org', name: 'A' }) as const;

const actors = {
	anonymous: { kind: 'anonymous' },
	participant: { kind: 'participant', participant: 'p-me', space: 'tenants-nord' },
	otherParticipant: { kind: 'participant', participant: 'p-me', space: 'elsewhere' },
	otherFacilitator: account('acc-other', 'facilitator'),
	facilitator: account('acc-fac', 'facilitator'),
	admin: account('acc-admin', 'admin'),
	otherAdmin: account('acc-admin2', 'admin', 'org-other')
} satisfies Record<string, Actor>;
type Who = keyof typeof actors;

const create = { patch: { title: 'x' } };
const mine = { author: 'p-me', hidden: false };
const theirs = { author: 'p-other', hidden: false };

/** role → [create, edit own, edit other's, edit own hidden, set hidden, pull, moderate, report] */
const table: Record<Who, boolean[]> = {
	anonymous: [false, false, false, false, false, false, false, false],
	participant: [true, true, false, false, false, true, false, true],
	otherParticipant: [false, false, false, false, false, false, false, false],
	otherFacilitator: [false, false, false, false, false, false, false, false],
	facilitator: [true, true, true, true, false, true, true, true],
	admin: [true, true, true, true, false, true, true, true],
	otherAdmin: [false, false, false, false, false, false, false, false]
};

function decisions(actor: Actor, info: SpaceInfo): boolean[] {
	return [
		canPush(actor, info, create),
		canPush(actor, info, { patch: { title: 'y' } }, mine),
		canPush(actor, info, { patch: { deleted: true } }, theirs),
		canPush(actor, info, { patch: { title: 'y' } }, { ...mine, hidden: true }),
		canPush(actor, info, { patch: { hidden: false } }, mine),
		canPull(actor, info),
		canModerate(actor, info),
		canReport(actor, info)
	];
}

describe('policy', () => {
	it.each(Object.keys(table) as Who[])('decides for %s in an open unpublished space', (who) => {
		expect(decisions(actors[who], space)).toEqual(table[who]);
		expect(canManageSpace(actors[who], space)).toBe(table[who][6]);
		expect(seesHidden(actors[who], space)).toBe(table[who][6]);
	});

	it.each(Object.keys(table) as Who[])('lets %s read a published space', (who) => {
		expect(canPull(actors[who], { ...space, published: true })).toBe(true);
	});

	it.each(Object.keys(table) as Who[])('refuses every push by %s in a closed space', (who) => {
		const closed = { ...space, status: 'closed' as const };
		expect(canPush(actors[who], closed, create)).toBe(false);
		expect(canPush(actors[who], closed, { patch: { title: 'y' } }, mine)).toBe(false);
		expect(canPull(actors[who], closed)).toBe(table[who][5]);
	});

	it('never lets anyone set hidden, even as part of a larger patch', () => {
		for (const actor of Object.values(actors))
			expect(canPush(actor, space, { patch: { title: 'x', hidden: true } })).toBe(false);
	});

	it('treats a facilitator listed on the space as staff whatever their organisation', () => {
		const guest = account('acc-fac', 'facilitator', 'org-other');
		expect(canModerate(guest, space)).toBe(true);
	});

	it('names the author of a write', () => {
		expect(authorOf(actors.participant)).toBe('p-me');
		expect(authorOf(actors.admin)).toBe('acc-admin');
		expect(authorOf(actors.anonymous)).toBeUndefined();
	});
});
