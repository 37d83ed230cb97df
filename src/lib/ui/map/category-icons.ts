/**
 * One simple 24×24 outline per icon a category may have (stroked, no fill), as SVG path data:
 * drawn by `CategoryIcon.svelte` in lists and forms, and on the map's canvas inside each pin,
 * so a category is told by its icon as well as its colour.
 */
import type { CategoryIcon } from '$lib/domain/map';

export const categoryIconPaths: Record<CategoryIcon, string> = {
	bike: 'M5 17a3 3 0 1 0 0-.01M19 17a3 3 0 1 0 0-.01M5 17l4-7h6l4 7M9 10l3 7h2M13 6h3l-1 4',
	bus: 'M6 4h12a2 2 0 0 1 2 2v10H4V6a2 2 0 0 1 2-2zM4 11h16M7 19v-3M17 19v-3M8 14h.01M16 14h.01',
	tree: 'M12 3l6 8h-3l4 6H5l4-6H6zM12 17v4',
	sun: 'M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM12 2v3M12 19v3M2 12h3M19 12h3M5 5l2 2M17 17l2 2M5 19l2-2M17 7l2-2',
	home: 'M3 11l9-7 9 7M5 10v10h14V10M10 20v-6h4v6',
	bench: 'M4 10h16M4 14h16M6 14v5M18 14v5M6 10V7M18 10V7',
	water: 'M12 3c3 4 6 7.5 6 11a6 6 0 0 1-12 0c0-3.5 3-7 6-11z',
	recycle: 'M7 7l3-4 3 4M10 3v6M17 14l4 2-3 3M21 16h-6M7 20l-4-2 2-4M3 18l3-5',
	food: 'M7 3v8M5 3v5a2 2 0 0 0 4 0V3M7 11v10M16 3c-2 2-2 7 0 8v10',
	heart: 'M12 20s-7-4.5-7-10a4 4 0 0 1 7-2.5A4 4 0 0 1 19 10c0 5.5-7 10-7 10z',
	star: 'M12 3l2.7 5.6 6.1.9-4.4 4.3 1 6.1L12 17l-5.4 2.9 1-6.1L3.2 9.5l6.1-.9z',
	pin: 'M12 21s-6-6-6-11a6 6 0 0 1 12 0c0 5-6 11-6 11zM12 8a2 2 0 1 0 0 4 2 2 0 0 0 0-4z'
};
