/** Space builders for the space and join suites. */
import { expect } from 'vitest';
import type { SpaceView } from '../../../src/lib/domain/auth';
import type { Hub } from '../../../src/lib/server/hub';
import { handleCreateSpace } from '../../../src/lib/server/spaces/handlers';
import { ctx, request, type Staff } from '../auth/kit';
import { newSpace } from '../helpers';

export function spaceBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		id: newSpace('hall'),
		title: 'Tenants of Nordstraße',
		purpose: 'Ideas for the courtyard.',
		privacyNotice: 'We keep your ideas until the end of 2030 and never share them.',
		erasePolicy: 'delete',
		retentionUntil: null,
		published: false,
		...overrides
	};
}

export async function createSpace(
	hub: Hub,
	staff: Staff,
	overrides: Record<string, unknown> = {}
): Promise<SpaceView> {
	const response = await handleCreateSpace(
		request('POST', '/api/v1/spaces', spaceBody(overrides)),
		ctx(hub, staff.actor)
	);
	expect(response.status, await response.clone().text()).toBe(201);
	return ((await response.json()) as { space: SpaceView }).space;
}
