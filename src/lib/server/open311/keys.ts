/**
 * Open311 API keys of a map space. Staff create one per city system (the key is shown once; the
 * hub keeps only its SHA-256, as for sessions and invites), list and revoke them. Each key is a
 * participant of its space, display name = the key's label, so what the key posts goes through
 * the push pipeline under the same rules as any participant's idea; revoking the key revokes
 * that participant. Creating and revoking are audit-logged.
 */
import { randomBytes } from 'node:crypto';
import * as v from 'valibot';
import { PlazaError } from '$lib/domain/errors';
import { newId } from '$lib/domain/ids';
import { CreateApiKeySchema, type ApiKeyView } from '$lib/domain/open311';
import { audit } from '../audit';
import { requireAccount } from '../auth/guards';
import { hashToken } from '../auth/sessions';
import { today } from '../auth/tokens';
import type { Queryable } from '../db/client';
import { json, noContent, parse, readJson, toErrorResponse } from '../http';
import type { Ctx } from '../http/context';
import { requireManagedSpace } from '../spaces/handlers';

/** A new key: `o311_` and 32 random bytes, base64url. */
export function newApiKey(): string {
	return `o311_${randomBytes(32).toString('base64url')}`;
}

interface KeyRow {
	id: string;
	label: string;
	participant: string;
	created_at: Date | string;
	created_by: string | null;
	revoked_at: Date | string | null;
	last_used_at: Date | string | null;
}

const iso = (value: Date | string | null) =>
	value === null ? null : new Date(value).toISOString();

function view(row: KeyRow): ApiKeyView {
	return {
		id: row.id,
		label: row.label,
		participant: row.participant,
		createdAt: iso(row.created_at)!,
		createdBy: row.created_by,
		revokedAt: iso(row.revoked_at),
		lastUsedAt: iso(row.last_used_at)
	};
}

/** A key counts as revoked when its participant was revoked (on the participants page) too. */
const selectKeys = `SELECT k.id::text AS id, k.label, k.participant::text AS participant,
	k.created_at, a.name AS created_by, coalesce(k.revoked_at, p.revoked_at) AS revoked_at,
	k.last_used_at
	FROM api_keys k
		LEFT JOIN accounts a ON a.id = k.created_by
		LEFT JOIN participants p ON p.space = k.space AND p.participant = k.participant`;

export async function apiKeysOf(db: Queryable, space: string): Promise<ApiKeyView[]> {
	const rows = await db.query<KeyRow>(
		`${selectKeys} WHERE k.space = $1 ORDER BY k.created_at, k.id`,
		[space]
	);
	return rows.map(view);
}

/** The key a city system sent, when it is live: not revoked, its space not past retention. */
export interface LiveKey {
	id: string;
	space: string;
	participant: string;
	label: string;
}

export async function findApiKey(
	db: Queryable,
	secret: string,
	now: number
): Promise<LiveKey | null> {
	if (secret.length > 200) return null;
	const rows = await db.query<LiveKey & { retention: string | null }>(
		`SELECT k.id::text AS id, k.space, k.participant::text AS participant, k.label,
			s.retention_until::text AS retention
		FROM api_keys k
			JOIN participants p ON p.space = k.space AND p.participant = k.participant
			JOIN spaces s ON s.id = k.space
		WHERE k.key_hash = $1 AND k.revoked_at IS NULL AND p.revoked_at IS NULL`,
		[hashToken(secret)]
	);
	const row = rows[0];
	if (!row || (row.retention !== null && row.retention < today(now))) return null;
	return { id: row.id, space: row.space, participant: row.participant, label: row.label };
}

/** The next outbox number of the key (its pushes' receipts), marking it used at `now`. */
export async function nextPushSeq(db: Queryable, key: string, now: number): Promise<number> {
	const rows = await db.query<{ pushes: string | number }>(
		`UPDATE api_keys SET pushes = pushes + 1, last_used_at = $2 WHERE id = $1
		RETURNING pushes`,
		[key, new Date(now).toISOString()]
	);
	return Number(rows[0]!.pushes);
}

/** GET /api/v1/spaces/<id>/api-keys (staff) */
export async function handleListApiKeys(id: string, ctx: Ctx): Promise<Response> {
	try {
		const space = await requireManagedSpace(ctx, id);
		return json({ keys: await apiKeysOf(ctx.hub.db, space.id) });
	} catch (error) {
		return toErrorResponse(error);
	}
}

/** POST /api/v1/spaces/<id>/api-keys (staff), body `{ label }` → 201 `{ key, secret }`. */
export async function handleCreateApiKey(
	request: Request,
	id: string,
	ctx: Ctx
): Promise<Response> {
	try {
		const space = await requireManagedSpace(ctx, id);
		const account = requireAccount(ctx.actor);
		const { label } = parse(CreateApiKeySchema, await readJson(request, 4096));
		if (space.kind !== 'map')
			throw new PlazaError('invalid-request', 'Only a map space has Open311 API keys.');
		const secret = newApiKey();
		const keyId = newId();
		const participant = newId();
		const at = new Date(ctx.now).toISOString();
		const key = await ctx.hub.db.transaction(async (tx) => {
			await tx.query(
				`INSERT INTO participants (space, participant, display_name, joined_at)
				VALUES ($1, $2, $3, $4)`,
				[space.id, participant, label, at]
			);
			await tx.query(
				`INSERT INTO api_keys (id, space, participant, label, key_hash, created_by, created_at)
				VALUES ($1, $2, $3, $4, $5, $6, $7)`,
				[keyId, space.id, participant, label, hashToken(secret), account.accountId, at]
			);
			await audit(tx, {
				organisation: space.organisation,
				actor: account.accountId,
				actorName: account.name,
				action: 'api-key.create',
				target: `${space.id}/${keyId}`,
				detail: { label },
				at: ctx.now
			});
			const [row] = await tx.query<KeyRow>(`${selectKeys} WHERE k.id = $1`, [keyId]);
			return view(row!);
		});
		return json({ key, secret }, 201);
	} catch (error) {
		return toErrorResponse(error);
	}
}

/** DELETE /api/v1/spaces/<id>/api-keys/<key> (staff): the key and its participant stop. */
export async function handleRevokeApiKey(id: string, keyId: string, ctx: Ctx): Promise<Response> {
	try {
		const space = await requireManagedSpace(ctx, id);
		const account = requireAccount(ctx.actor);
		const notFound = () => new PlazaError('not-found', 'This space has no such API key.', 404);
		if (!v.is(v.pipe(v.string(), v.uuid()), keyId)) throw notFound();
		await ctx.hub.db.transaction(async (tx) => {
			const [row] = await tx.query<{ participant: string; label: string; revoked: boolean }>(
				`SELECT participant::text AS participant, label, revoked_at IS NOT NULL AS revoked
				FROM api_keys WHERE id = $1 AND space = $2 FOR UPDATE`,
				[keyId.toLowerCase(), space.id]
			);
			if (!row) throw notFound();
			if (row.revoked) return;
			const at = new Date(ctx.now).toISOString();
			await tx.query('UPDATE api_keys SET revoked_at = $2 WHERE id = $1', [keyId, at]);
			await tx.query(
				`UPDATE participants SET revoked_at = $3
				WHERE space = $1 AND participant = $2 AND revoked_at IS NULL`,
				[space.id, row.participant, at]
			);
			await audit(tx, {
				organisation: space.organisation,
				actor: account.accountId,
				actorName: account.name,
				action: 'api-key.revoke',
				target: `${space.id}/${keyId.toLowerCase()}`,
				detail: { label: row.label },
				at: ctx.now
			});
		});
		return noContent();
	} catch (error) {
		return toErrorResponse(error);
	}
}
