import { v5 as uuidv5, v7 as uuidv7, validate, version } from 'uuid';

/** A new record or device id: UUIDv7, so ids sort by creation time. */
export function newId(): string {
	return uuidv7();
}

export function isUuid(value: string): boolean {
	return validate(value) && (version(value) === 7 || version(value) === 5 || version(value) === 4);
}

const plazaNamespace = '5b0e3e8c-3f7a-4b57-9d0e-6a1f2b7c9e41';

/**
 * The id of one-per-person data (a vote, a support, a pledge): the same space, target and
 * participant always give the same id, so two devices can never create it twice.
 */
export function oncePerPersonId(space: string, target: string, participant: string): string {
	return uuidv5(`${space}\u0000${target}\u0000${participant}`, plazaNamespace);
}

/** The creation time encoded in a UUIDv7, in ms since the epoch. */
export function uuidv7Time(id: string): number {
	return parseInt(id.replace(/-/g, '').slice(0, 12), 16);
}
