/**
 * Spaces: facilitators and admins create and change them; anyone reads the public view (purpose
 * and privacy notice come before joining); staff also see the join code and facilitators.
 */
import * as v from 'valibot';
import {
	CreateSpaceSchema,
	mapSettingsRefused,
	pledgeSettingsRefused,
	UpdateSpaceSchema
} from '$lib/domain/auth';
import { PlazaError } from '$lib/domain/errors';
import { canManageSpace } from '$lib/domain/policy';
import { SpaceIdSchema } from '$lib/domain/space';
import { compactTranslations, type Translations } from '$lib/domain/translations';
import { audit } from '../audit';
import { requireAccount } from '../auth/guards';
import type { Queryable } from '../db/client';
import { json, parse, readJson, toErrorResponse } from '../http';
import type { Ctx } from '../http/context';
import { newJoinCode } from './join-code';
import { publicView, spaceById, spaceInfo, spacesOf, staffView, type SpaceRow } from './views';

/** Room for an 8000-character privacy notice in any script. */
export const spaceBodyBytes = 65_536;
/** A map's boundary may be a district's outline of many thousand positions. */
export const mapSpaceBodyBytes = 1_048_576;

const unknownSpace = () => new PlazaError('unknown-space', 'There is no space with this id.', 404);

/** The space `id`, or 404 (also for a malformed id: nothing can be called that). */
export async function requireSpaceRow(db: Queryable, id: string): Promise<SpaceRow> {
	const row = v.is(SpaceIdSchema, id) ? await spaceById(db, id) : null;
	if (!row) throw unknownSpace();
	return row;
}

/**
 * The space, when the actor may manage it: 401 for nobody, 403 for anyone else (a participant
 * included). Anonymous callers get their 401 before any 404, so they learn no space ids.
 */
export async function requireManagedSpace(ctx: Ctx, id: string): Promise<SpaceRow> {
	if (ctx.actor.kind === 'anonymous') requireAccount(ctx.actor);
	const row = await requireSpaceRow(ctx.hub.db, id);
	if (!canManageSpace(ctx.actor, spaceInfo(row)))
		throw new PlazaError('forbidden', 'Only the facilitators of this space can do this.', 403);
	return row;
}

/** A join code no space has yet. */
export async function unusedJoinCode(tx: Queryable): Promise<string> {
	for (;;) {
		const code = newJoinCode();
		const taken = await tx.query('SELECT 1 FROM spaces WHERE join_code = $1', [code]);
		if (taken.length === 0) return code;
	}
}

/** POST /api/v1/spaces */
export async function handleCreateSpace(request: Request, ctx: Ctx): Promise<Response> {
	try {
		const account = requireAccount(ctx.actor);
		const body = parse(CreateSpaceSchema, await readJson(request, mapSpaceBodyBytes));
		const row = await ctx.hub.db.transaction(async (tx) => {
			// Leftover spine spaces hold records nobody owns: their ids stay taken.
			const taken = await tx.query('SELECT 1 FROM spaces WHERE id = $1 FOR UPDATE', [body.id]);
			if (taken.length > 0)
				throw new PlazaError('invalid-request', 'A space with this id exists already.', 409);
			await tx.query(
				`INSERT INTO spaces (id, organisation, title, purpose, privacy_notice, erase_policy,
					retention_until, published, status, join_code, created_by, created_at,
					kind, workshop_date, place, languages, map_settings, pledge_settings, impact_public,
					language, translations)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open', $9, $10, $11, $12, $13, $14, $15,
					($16::text)::jsonb, ($17::text)::jsonb, $18, $19, ($20::text)::jsonb)`,
				[
					body.id,
					account.organisation,
					body.title,
					body.purpose,
					body.privacyNotice,
					body.erasePolicy,
					body.retentionUntil,
					body.published,
					await unusedJoinCode(tx),
					account.accountId,
					new Date(ctx.now).toISOString(),
					body.kind ?? 'ideas',
					body.date ?? null,
					body.place ?? '',
					body.languages ?? [],
					body.map ? JSON.stringify(body.map) : null,
					body.pledge ? JSON.stringify(body.pledge) : null,
					body.impactPublic ?? false,
					body.language ?? '',
					JSON.stringify(compactTranslations(body.translations ?? {}))
				]
			);
			await tx.query('INSERT INTO space_facilitators (space, account) VALUES ($1, $2)', [
				body.id,
				account.accountId
			]);
			await audit(tx, {
				organisation: account.organisation,
				actor: account.accountId,
				actorName: account.name,
				action: 'space.create',
				target: body.id,
				detail: { title: body.title, published: body.published, kind: body.kind ?? 'ideas' },
				at: ctx.now
			});
			return (await spaceById(tx, body.id))!;
		});
		return json({ space: staffView(row) }, 201);
	} catch (error) {
		return toErrorResponse(error);
	}
}

/** GET /api/v1/spaces: the spaces this account works in. */
export async function handleListSpaces(ctx: Ctx): Promise<Response> {
	try {
		const account = requireAccount(ctx.actor);
		const rows = await spacesOf(ctx.hub.db, account);
		return json({ spaces: rows.map(staffView) });
	} catch (error) {
		return toErrorResponse(error);
	}
}

/** GET /api/v1/spaces/<id> */
export async function handleGetSpace(id: string, ctx: Ctx): Promise<Response> {
	try {
		const row = await requireSpaceRow(ctx.hub.db, id);
		const staff = canManageSpace(ctx.actor, spaceInfo(row));
		return json({ space: staff ? staffView(row) : publicView(row) });
	} catch (error) {
		return toErrorResponse(error);
	}
}

/** Body key → column; the only names that ever reach the SQL text. */
const updatable = {
	title: 'title',
	purpose: 'purpose',
	privacyNotice: 'privacy_notice',
	erasePolicy: 'erase_policy',
	retentionUntil: 'retention_until',
	published: 'published',
	status: 'status',
	date: 'workshop_date',
	place: 'place',
	languages: 'languages',
	map: 'map_settings',
	pledge: 'pledge_settings',
	impactPublic: 'impact_public',
	language: 'language',
	translations: 'translations'
} as const;

/** Keys whose value travels as JSON text cast to jsonb. */
const jsonKeys: readonly string[] = ['map', 'pledge', 'translations'];
/** Keys whose new value the audit log keeps (the others: only that they changed). */
const auditedValues: readonly string[] = ['status', 'published', 'retentionUntil', 'impactPublic'];

/** The SQL value of one updatable key: settings documents travel as JSON text cast to jsonb. */
const placeholder = (key: keyof typeof updatable, index: number) =>
	jsonKeys.includes(key) ? `($${index}::text)::jsonb` : `$${index}`;
const sqlValue = (key: keyof typeof updatable, value: unknown) => {
	if (key === 'translations') return JSON.stringify(compactTranslations(value as Translations));
	return jsonKeys.includes(key) ? JSON.stringify(value) : value;
};

/** PATCH /api/v1/spaces/<id> */
export async function handleUpdateSpace(request: Request, id: string, ctx: Ctx): Promise<Response> {
	try {
		const before = await requireManagedSpace(ctx, id);
		const body = parse(UpdateSpaceSchema, await readJson(request, mapSpaceBodyBytes));
		if (body.map !== undefined && before.kind !== 'map')
			throw new PlazaError('invalid-request', mapSettingsRefused);
		if (body.pledge !== undefined && before.kind !== 'pledge')
			throw new PlazaError('invalid-request', pledgeSettingsRefused);
		const keys = (Object.keys(body) as (keyof typeof updatable)[]).filter(
			(key) => key in updatable
		);
		if (keys.length === 0) return json({ space: staffView(before) });
		const account = requireAccount(ctx.actor);
		const row = await ctx.hub.db.transaction(async (tx) => {
			const sets = keys
				.map((key, i) => `${updatable[key]} = ${placeholder(key, i + 2)}`)
				.join(', ');
			await tx.query(`UPDATE spaces SET ${sets} WHERE id = $1`, [
				id,
				...keys.map((key) => sqlValue(key, body[key]))
			]);
			const changed = Object.fromEntries(
				keys.map((key) => [key, auditedValues.includes(key) ? body[key] : true])
			);
			await audit(tx, {
				organisation: before.organisation,
				actor: account.accountId,
				actorName: account.name,
				action: 'space.update',
				target: id,
				detail: { changed },
				at: ctx.now
			});
			return (await spaceById(tx, id))!;
		});
		return json({ space: staffView(row) });
	} catch (error) {
		return toErrorResponse(error);
	}
}
