import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { PlazaDb, replaceDb } from '$lib/store/db';

/** A new, empty database on its own fake IndexedDB: one device. */
export function newDevice(): PlazaDb {
	return new PlazaDb({ indexedDB: new IDBFactory(), IDBKeyRange });
}

/** Make a fresh device the current database; returns it. */
export function freshDb(): PlazaDb {
	const db = newDevice();
	replaceDb(db);
	return db;
}
