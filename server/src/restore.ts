/**
 * Crash recovery: at start, before the port opens, every room that has a snapshot in this
 * process's store is created again under its old room id, classes first (their villages report
 * to them as soon as they are back). Students then return by themselves: a class student through
 * the class with their device key, a practice player with their seat's key.
 */
import { CLASS_ROOM } from "@bangun-desa/shared";
import { matchMaker } from "@colyseus/core";
import { store } from "./storage/index.ts";

/** The join option only the server passes: a room's snapshot to carry on from. */
export const RESTORE_OPTION = "restore";

/** Bring back every room with a snapshot; returns how many came back. */
export async function restoreRooms(): Promise<number> {
  // The matchmaker's presence and driver are set up asynchronously when the server is defined.
  await matchMaker.onReady;
  const snapshots = store().snapshots();
  snapshots.sort((a, b) => Number(b.kind === CLASS_ROOM) - Number(a.kind === CLASS_ROOM));
  let restored = 0;
  for (const snapshot of snapshots) {
    try {
      // Scaled out (Redis), the room list may still hold this room under the process that was
      // killed (same data folder, so it was this machine's process): that entry is stale.
      const stale = await matchMaker.driver.findOne({ roomId: snapshot.roomId });
      if (stale && stale.processId !== matchMaker.processId) await matchMaker.driver.remove(snapshot.roomId);
      // In this process (its snapshot lives in this process's store), under the old room id.
      await matchMaker.handleCreateRoom(
        snapshot.kind,
        { [RESTORE_OPTION]: snapshot },
        undefined,
        snapshot.roomId,
      );
      restored++;
    } catch (error) {
      console.error(`[restore] room ${snapshot.roomId} (${snapshot.kind}) could not be restored:`, error);
      store().deleteSnapshot(snapshot.roomId);
    }
  }
  if (restored > 0) console.log(`Dipulihkan / Restored: ${restored} room(s) from the last snapshots.`);
  return restored;
}
