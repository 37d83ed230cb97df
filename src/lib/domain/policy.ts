/**
 * Who may do what: the one place Plaza decides authorisation. Pure functions of the actor and
 * the facts about a space (`SpaceInfo`), shared by the hub (which enforces them on every route
 * and on every mutation inside a push) and the client (which only uses them to hide buttons).
 *
 * - admin: everything in the spaces of their organisation;
 * - facilitator: everything in the spaces they facilitate;
 * - participant: reads their token's space; creates records there while it is open, and edits
 *   or deletes only records they wrote that are not hidden;
 * - anyone (anonymous included): reads a published space, never writes.
 * Nobody sets `hidden` through a push: moderation has its own route.
 * Workshops (issue 4): activities and clusters are staff only; a participant never clusters a
 * note (`cluster` may only be '' on the note they create). Whether an activity is open, the
 * vote budget and answers need stored state and are checked by the hub (server/sync/workshop.ts).
 */
import type { Actor, SpaceInfo } from './auth';
import { staffOnlyFields, staffOnlyTypes } from './records/workshop';

/** What a push mutation carries that matters here. */
export interface MutationFacts {
	/** The record type; absent means a type without field-level rules. */
	type?: string;
	patch: Record<string, unknown>;
}

/** The stored record a mutation changes, when it exists. */
export interface ExistingRecord {
	author: string;
	hidden: boolean;
}

/** A facilitator of this space, or an admin of its organisation. */
export function isStaff(actor: Actor, space: SpaceInfo): boolean {
	if (actor.kind !== 'account') return false;
	if (actor.role === 'admin' && actor.organisation === space.organisation) return true;
	return space.facilitators.includes(actor.accountId);
}

/** A participant whose token belongs to this space. */
export function isParticipantOf(actor: Actor, space: SpaceInfo): boolean {
	return actor.kind === 'participant' && actor.space === space.id;
}

/** The author id a write of this actor carries, or undefined when it cannot write at all. */
export function authorOf(actor: Actor): string | undefined {
	if (actor.kind === 'participant') return actor.participant;
	if (actor.kind === 'account') return actor.accountId;
	return undefined;
}

export function canPush(
	actor: Actor,
	space: SpaceInfo,
	mutation: MutationFacts,
	existing?: ExistingRecord
): boolean {
	if (space.status !== 'open') return false;
	if (Object.hasOwn(mutation.patch, 'hidden')) return false;
	if (isStaff(actor, space)) return true;
	if (!isParticipantOf(actor, space) || actor.kind !== 'participant') return false;
	if (!participantMayWrite(mutation, existing)) return false;
	if (!existing) return true;
	// PostgreSQL gives uuids back in lower case; a token may carry upper case.
	return existing.author.toLowerCase() === actor.participant.toLowerCase() && !existing.hidden;
}

/**
 * Field-level rules for participants: no staff-only types, and staff-only fields only at their
 * empty value when the participant creates the record (creation needs every field).
 */
function participantMayWrite(mutation: MutationFacts, existing?: ExistingRecord): boolean {
	const type = mutation.type ?? '';
	if (staffOnlyTypes.includes(type)) return false;
	return (staffOnlyFields[type] ?? []).every(
		(field) => !Object.hasOwn(mutation.patch, field) || (!existing && mutation.patch[field] === '')
	);
}

export function canPull(actor: Actor, space: SpaceInfo): boolean {
	return space.published || isStaff(actor, space) || isParticipantOf(actor, space);
}

export function canModerate(actor: Actor, space: SpaceInfo): boolean {
	return isStaff(actor, space);
}

export function canManageSpace(actor: Actor, space: SpaceInfo): boolean {
	return isStaff(actor, space);
}

/** Reporting a contribution: the space's participants and its staff. */
export function canReport(actor: Actor, space: SpaceInfo): boolean {
	return isParticipantOf(actor, space) || isStaff(actor, space);
}

/** Whether this actor sees hidden records as they are (staff) or as tombstones (everyone else). */
export function seesHidden(actor: Actor, space: SpaceInfo): boolean {
	return isStaff(actor, space);
}
