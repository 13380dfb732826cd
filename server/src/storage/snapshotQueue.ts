/**
 * Snapshot writes, one per turn of the event loop.
 *
 * A class's villages start together, so their seasons close within the same second or two, and
 * each close wrote its snapshot (the whole game as JSON, then an SQLite upsert) in the same
 * task as the close: hundreds of writes back to back in a school-sized load test, while students'
 * moves waited. A room now asks for its snapshot here; the writes go out one per `setImmediate`,
 * so moves and patches are handled between them, and a room asking again before its turn keeps
 * its place with the newer request (the snapshot is taken when written, so it is never older than
 * the request). A crash loses at most what the queue still held (a fraction of a second).
 */

const due = new Map<string, () => void>();
let draining = false;

function drain(): void {
  const next = due.entries().next();
  if (next.done) {
    draining = false;
    return;
  }
  const [roomId, write] = next.value;
  due.delete(roomId);
  try {
    write();
  } finally {
    setImmediate(drain);
  }
}

/** Write this room's snapshot soon (replacing a request of the same room still waiting). */
export function queueSnapshot(roomId: string, write: () => void): void {
  due.set(roomId, write);
  if (!draining) {
    draining = true;
    setImmediate(drain);
  }
}

/** Forget this room's waiting request (the room closes for good, or writes it itself now). */
export function cancelSnapshot(roomId: string): void {
  due.delete(roomId);
}

/** Requests still waiting (for tests). */
export function queuedSnapshots(): number {
  return due.size;
}
