/** The map tile plumbing every map uses: the tile layer from the hub's configuration. */
export { createTileLayer, placeholderTileUrl, tileLayerOptions } from './layer';
