import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { categoryIconPaths } from '$lib/ui/map/category-icons';
import { drawMark, type Drawn } from '$lib/ui/map/leaflet/ideas-layer';

/** What a marker painted on the canvas, recorded from a stand-in 2D context. */
function recorder() {
	const calls: string[] = [];
	const state: Record<string, unknown> = {};
	const ctx = new Proxy(state, {
		get(target, key: string) {
			if (key in target) return target[key];
			return (...args: unknown[]) => {
				const shown = args.map((arg) =>
					arg instanceof FakePath ? `path(${arg.d})` : JSON.stringify(arg)
				);
				calls.push(`${key}(${shown.join(', ')})`);
			};
		},
		set(target, key: string, value) {
			target[key] = value;
			calls.push(`${key}=${String(value)}`);
			return true;
		}
	}) as unknown as CanvasRenderingContext2D;
	return { ctx, calls };
}

class FakePath {
	constructor(readonly d: string) {}
}

const marker = (options: Partial<Drawn['options']>): Drawn => ({
	options: { markColour: '#ffffff', ...options },
	_renderer: {},
	_point: { x: 100, y: 50 } as Drawn['_point'],
	_radius: 11
});

describe('map pins', () => {
	beforeEach(() => vi.stubGlobal('Path2D', FakePath));
	afterEach(() => vi.unstubAllGlobals());

	it("draw a single idea's category icon inside it, in the colour that reads on the fill", () => {
		const { ctx, calls } = recorder();
		drawMark(ctx, marker({ icon: categoryIconPaths.tree, markColour: '#000000' }));
		expect(calls).toContain(`stroke(path(${categoryIconPaths.tree}))`);
		expect(calls).toContain('strokeStyle=#000000');
		expect(calls.some((call) => call.startsWith('arc('))).toBe(false);
	});

	it('ring the selected idea, so it is told apart by shape and not by colour alone', () => {
		const { ctx, calls } = recorder();
		drawMark(ctx, marker({ icon: categoryIconPaths.bench, ring: '#0b57d0' }));
		expect(calls).toContain('arc(100, 50, 15, 0, 6.283185307179586)');
		expect(calls).toContain('strokeStyle=#0b57d0');
		expect(calls).toContain(`stroke(path(${categoryIconPaths.bench}))`);
	});

	it("write a cluster's count as text", () => {
		const { ctx, calls } = recorder();
		drawMark(ctx, marker({ label: '12' }));
		expect(calls).toContain('fillText("12", 100, 51)');
		expect(calls.some((call) => call.startsWith('stroke(path'))).toBe(false);
	});
});
