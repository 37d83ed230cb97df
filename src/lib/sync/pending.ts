/**
 * The report a device sends with each pull (`Plaza-Pending`, docs/sync-protocol.md): how many
 * changes of the space its outbox still holds, so the facilitators' live board can count the
 * devices that have input still to send. Refused changes wait for the person, not for the
 * network, and are not counted.
 */
import { takeBatches } from '$lib/store/outbox';

/** The header's name; the hub reads the same (server/workshop/devices.ts). */
export const pendingHeader = 'plaza-pending';

/** Changes of `space` waiting in the outbox or sent without an answer yet. */
export async function pendingChanges(space: string): Promise<number> {
	const rows = await takeBatches(Infinity, Infinity, Infinity, space);
	return rows.reduce((sum, row) => sum + row.mutations.length, 0);
}
