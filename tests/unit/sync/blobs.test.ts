import { beforeEach, describe, expect, it } from 'vitest';
import { newId } from '$lib/domain/ids';
import type { PushRequest } from '$lib/domain/protocol';
import { addPhoto, getBlob, sha256Hex } from '$lib/store/blobs';
import { outboxSummary } from '$lib/store/queries';
import { createIdea } from '$lib/store/records';
import { Api } from '$lib/sync/api';
import { fetchBlob } from '$lib/sync/blobs';
import { SyncEngine } from '$lib/sync/engine';
import { SyncStatus } from '$lib/sync/status.svelte';
import { ideaForm } from '$tests/fixtures/records';
import { freshDb } from '../store/fresh-db';
import { FakeHub } from './fake-hub';
import { fakeEnv, type FakeEnv } from './fake-env';

/** The fake hub plus a blob store: `PUT /api/v1/blobs/<sha>` checks the hash like the hub. */
class BlobHub extends FakeHub {
	blobs = new Map<string, { bytes: Uint8Array; type: string; space: string }>();
	/** What happened, in order: `put <sha>` and `push <record ids>`. */
	log: string[] = [];
	/** Status the blob route answers with instead of storing (to test failures). */
	blobFailure: number | null = null;

	blobFetch = async (input: string, init: RequestInit = {}): Promise<Response> => {
		const url = new URL(input);
		const match = /^\/api\/v1\/blobs\/([0-9a-f]{64})$/.exec(url.pathname);
		if (!match) {
			if (url.pathname === '/api/v1/sync/push') {
				const body = JSON.parse(String(init.body)) as PushRequest;
				const types = body.batches.flatMap((b) => b.mutations.map((m) => m.type));
				this.log.push(`push ${types.join(',')}`);
			}
			return this.fetch(input, init);
		}
		if (!this.online) throw new TypeError('Failed to fetch');
		if (this.blobFailure !== null) return new Response(null, { status: this.blobFailure });
		const bytes = new Uint8Array(init.body as Uint8Array);
		const sha = match[1]!;
		if ((await sha256Hex(bytes)) !== sha) return new Response(null, { status: 400 });
		this.log.push(`put ${sha.slice(0, 8)}`);
		const type = new Headers(init.headers).get('content-type') ?? '';
		this.blobs.set(sha, { bytes, type, space: url.searchParams.get('space') ?? '' });
		return new Response(null, { status: 204 });
	};
}

let hub: BlobHub;
let env: FakeEnv;
let engine: SyncEngine;

beforeEach(() => {
	freshDb();
	hub = new BlobHub();
	env = fakeEnv(hub, { fetch: hub.blobFetch });
	engine = new SyncEngine(() => env, new SyncStatus());
	return () => engine.stop();
});

async function sync() {
	engine.start();
	await engine.settled();
	await engine.syncNow();
}

const photoBytes = new Uint8Array([137, 80, 78, 71, 1, 2, 3]);

describe('blob upload before push', () => {
	it('uploads a waiting blob before pushing the photo that refers to it', async () => {
		const id = await addPhoto('park', newId(), photoBytes, 'image/png', 'Wall of cards');
		await sync();
		const sha = await sha256Hex(photoBytes);
		expect(hub.log[0]).toBe(`put ${sha.slice(0, 8)}`);
		expect(hub.log[1]).toBe('push photo');
		expect(hub.blobs.get(sha)).toMatchObject({ type: 'image/png', space: 'park' });
		expect([...hub.blobs.get(sha)!.bytes]).toEqual([...photoBytes]);
		expect(hub.records.get(id)?.fields.sha256).toBe(sha);
		expect((await getBlob(sha))?.state).toBe('uploaded');
		expect((await outboxSummary()).total).toBe(0);
	});

	it('holds the photo while the upload fails, pushes the rest, and catches up later', async () => {
		hub.blobFailure = 500;
		const idea = await createIdea('park', ideaForm());
		const photo = await addPhoto('park', newId(), photoBytes, 'image/png');
		await sync();
		expect(hub.records.has(idea)).toBe(true);
		expect(hub.records.has(photo)).toBe(false);
		expect(hub.log).toEqual(['push idea']);
		expect(await outboxSummary()).toMatchObject({ waiting: 1, total: 1 });

		hub.blobFailure = null;
		await engine.syncNow();
		expect(hub.log.slice(1)).toEqual([
			`put ${(await sha256Hex(photoBytes)).slice(0, 8)}`,
			'push photo'
		]);
		expect(hub.records.has(photo)).toBe(true);
		expect((await outboxSummary()).total).toBe(0);
	});

	it('offline: nothing is pushed, the blob stays waiting', async () => {
		hub.online = false;
		await addPhoto('park', newId(), photoBytes, 'image/png');
		await sync();
		expect(hub.log).toEqual([]);
		expect((await getBlob(await sha256Hex(photoBytes)))?.state).toBe('waiting');
		expect((await outboxSummary()).waiting).toBe(1);
	});
});

describe('reading a blob from the hub', () => {
	const sha = 'a'.repeat(64);
	const api = new Api(async () => new Response(null, { status: 500 }), 'https://hub.example');

	it('sends the space token and gives back the bytes', async () => {
		const seen: { url: string; auth: string | null }[] = [];
		const blob = await fetchBlob(api, 'park', sha, 'secret-token', async (url, init) => {
			seen.push({ url, auth: new Headers(init?.headers).get('authorization') });
			return new Response(new Uint8Array([1, 2, 3]), { headers: { 'content-type': 'image/png' } });
		});
		expect(seen).toEqual([
			{ url: `https://hub.example/api/v1/blobs/${sha}?space=park`, auth: 'Bearer secret-token' }
		]);
		expect(new Uint8Array(await blob.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
	});

	it('says a connection is needed when the hub is unreachable, and not-found when it refuses', async () => {
		const offline = fetchBlob(api, 'park', sha, undefined, async () => {
			throw new TypeError('Failed to fetch');
		});
		await expect(offline).rejects.toMatchObject({ code: 'needs-connection' });
		const missing = fetchBlob(
			api,
			'park',
			sha,
			undefined,
			async () => new Response(null, { status: 404 })
		);
		await expect(missing).rejects.toMatchObject({ code: 'not-found', status: 404 });
	});
});
