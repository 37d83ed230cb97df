/**
 * The Open311 suites' tools: the community's JSON Schemas (tests/fixtures/open311, loaded at
 * test time) compiled with ajv as an independent oracle, requests to the Open311 handlers as a
 * city system would send them, and a published map space with API keys and ideas pushed through
 * the hub.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';
import type { Actor } from '../../../src/lib/domain/auth';
import type { Mutation } from '../../../src/lib/domain/protocol';
import type { Hub } from '../../../src/lib/server/hub';
import { handleModeration } from '../../../src/lib/server/moderation/handlers';
import { handleCreateApiKey } from '../../../src/lib/server/open311/keys';
import { ctx, device, push, type World } from '../helpers';

const folder = path.resolve(import.meta.dirname, '../../fixtures/open311');
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
for (const name of ['service', 'services', 'request', 'requests', 'errors.schema'])
	ajv.addSchema(
		JSON.parse(readFileSync(path.join(folder, `${name}.json`), 'utf8')) as object,
		`${name}.json`
	);

const schema = (name: string): ValidateFunction => ajv.getSchema(name)!;

/** Names of the schemas an answer is checked against. */
export type SchemaName = 'services.json' | 'requests.json' | 'errors.schema.json';

/** The answer's JSON, after insisting it validates against the named Open311 schema. */
export async function valid<T = unknown>(response: Response, name: SchemaName): Promise<T> {
	expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
	const body = (await response.json()) as T;
	const validate = schema(name);
	expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
	return body;
}

/** The schemas themselves notice a wrong answer (so a passing check means something). */
export function rejects(body: unknown, name: SchemaName): boolean {
	return !schema(name)(body);
}

/** An Open311 error answer with this status, validated; returns its description. */
export async function failsWith(response: Response, status: number): Promise<string> {
	expect(response.status).toBe(status);
	const [error] = await valid<{ code: number; description: string }[]>(
		response,
		'errors.schema.json'
	);
	expect(error!.code).toBe(status);
	return error!.description;
}

export const base = 'http://hub.test/api/v1/open311/v2';

export function get(pathname: string, query: Record<string, string> = {}): Request {
	return new Request(`${base}/${pathname}?${new URLSearchParams(query)}`);
}

/** POST requests.json as a form (the spec's encoding), or JSON with `json`. */
export function post(body: Record<string, string | number>, json = false): Request {
	if (json)
		return new Request(`${base}/requests.json`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body)
		});
	const form = new URLSearchParams(Object.entries(body).map(([k, v]) => [k, String(v)]));
	return new Request(`${base}/requests.json`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: form.toString()
	});
}

/** Pushes mutations as `actor` and insists every one applied. */
export async function send(hub: Hub, actor: Actor, mutations: Mutation[], participant?: string) {
	const body = device().body([mutations]);
	if (participant) body.participant = participant;
	const results = (await push(hub, body, actor)).results[0]!.mutations;
	expect(results.map((r) => r.code ?? r.status)).toEqual(mutations.map(() => 'applied'));
}

/** Hides a record as the space's facilitator. */
export async function hide(hub: Hub, world: World, space: string, record: string) {
	const request = new Request('http://hub.test/api/v1/x', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ reason: 'Off topic' })
	});
	const response = await handleModeration(
		request,
		ctx(hub, world.facilitator),
		{ space, record },
		true
	);
	expect(response.status).toBe(200);
}

/** A new API key of `space`, created by its facilitator: the view and the secret. */
export async function apiKey(hub: Hub, world: World, space: string, label = 'City hotline') {
	const request = new Request(`http://hub.test/api/v1/spaces/${space}/api-keys`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ label })
	});
	const response = await handleCreateApiKey(request, space, ctx(hub, world.facilitator));
	expect(response.status).toBe(201);
	return (await response.json()) as {
		key: { id: string; participant: string; label: string };
		secret: string;
	};
}

/** Counts that change when anything is written to a space. */
export async function footprint(hub: Hub, space: string) {
	const [row] = await hub.db.query<{ records: number; seq: string }>(
		`SELECT (SELECT count(*)::int FROM records WHERE space = $1) AS records,
			(SELECT seq::text FROM spaces WHERE id = $1) AS seq`,
		[space]
	);
	return row!;
}
