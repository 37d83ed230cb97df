import { svelte } from '@sveltejs/vite-plugin-svelte';
import path from 'node:path';
import { defineConfig } from 'vite';

const root = path.resolve(import.meta.dirname, '../..');

/** A plain Vite build (no SvelteKit) of the map benchmark page, as bench/store does. */
export default defineConfig({
	root: import.meta.dirname,
	logLevel: 'warn',
	plugins: [svelte({ configFile: false, compilerOptions: { runes: true } })],
	resolve: { alias: { $lib: path.join(root, 'src/lib') } },
	build: { outDir: path.join(root, 'bench/out/map'), emptyOutDir: true, target: 'es2022' }
});
