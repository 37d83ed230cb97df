/**
 * Participants who take part through the hub API alone, for tests that need a crowd (the
 * impact dashboards hide every number below five people) without a browser per person.
 */
import { randomUUID } from 'node:crypto';
import { expect } from '@playwright/test';
import type { Mutation, PushResponse } from '../../../src/lib/domain/protocol';
import { hlcAt } from '../../fixtures/records';

export interface ApiParticipant {
	participant: string;
	token: string;
	deviceId: string;
	/** The next outbox batch number of this participant's one device. */
	seq: number;
}

/** POST /api/v1/join with a fresh participant id. */
export async function joinByApi(url: string, joinCode: string): Promise<ApiParticipant> {
	const participant = randomUUID();
	const response = await fetch(`${url}/api/v1/join`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ code: joinCode, participant })
	});
	expect(response.status, await response.clone().text()).toBe(200);
	const { token } = (await response.json()) as { token: string };
	return { participant, token, deviceId: randomUUID(), seq: 1 };
}

/** Pushes `records` (id, type, fields) as one batch and expects every one applied. */
export async function pushByApi(
	url: string,
	who: ApiParticipant,
	space: string,
	records: { id: string; type: Mutation['type']; fields: Record<string, unknown> }[]
): Promise<void> {
	const hlc = hlcAt(Date.now(), who.deviceId.slice(0, 8));
	const mutations = records.map(({ id, type, fields }) => ({
		id,
		type,
		space,
		hlc,
		patch: fields
	}));
	const response = await fetch(`${url}/api/v1/sync/push`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: `Bearer ${who.token}` },
		body: JSON.stringify({
			protocol: 1,
			deviceId: who.deviceId,
			participant: who.participant,
			batches: [{ seq: who.seq++, mutations }]
		})
	});
	expect(response.status, await response.clone().text()).toBe(200);
	const body = (await response.json()) as PushResponse;
	const refused = body.results.flatMap((b) => b.mutations).filter((m) => m.status !== 'applied');
	expect(refused).toEqual([]);
}
