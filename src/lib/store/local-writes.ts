/**
 * Tells whoever listens (the sync engine) that this tab wrote to the outbox, so syncing
 * follows every write without each caller remembering to ask for it. The store sits below
 * the sync layer and cannot call it; the engine subscribes instead.
 */
type Listener = () => void;

const listeners = new Set<Listener>();

/** Calls `listener` after every committed local write; returns the unsubscribe function. */
export function onLocalWrite(listener: Listener): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}

export function announceLocalWrite(): void {
	listeners.forEach((listener) => listener());
}
