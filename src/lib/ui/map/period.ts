/**
 * Whether a person may add to a map now, and if not why: the space is closed, the map's period
 * has not begun, or it has ended. The hub checks the same (`withinPeriod`); this only lets the
 * page say it before anyone types.
 */
import type { SpaceStatus } from '$lib/domain/auth';
import { withinPeriod, type MapSettings } from '$lib/domain/map';

export type AddState =
	| { open: true }
	| { open: false; reason: 'space-closed' }
	| { open: false; reason: 'not-yet'; opensAt: number }
	| { open: false; reason: 'ended'; closedAt: number };

export function addState(
	status: SpaceStatus,
	settings: Pick<MapSettings, 'opensAt' | 'closesAt'>,
	now: number
): AddState {
	if (status !== 'open') return { open: false, reason: 'space-closed' };
	if (withinPeriod(settings, now)) return { open: true };
	if (settings.opensAt && now < Date.parse(settings.opensAt))
		return { open: false, reason: 'not-yet', opensAt: Date.parse(settings.opensAt) };
	return { open: false, reason: 'ended', closedAt: Date.parse(settings.closesAt ?? '') };
}
