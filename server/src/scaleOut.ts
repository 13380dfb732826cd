/**
 * Many processes behind one address (docs/deploy.md). With `REDIS_URL`, Colyseus's presence (join
 * codes, channels, seat requests between processes) and its room list live in Redis, and each
 * process announces its own public address, where browsers take seats in its rooms. Without it,
 * nothing here is loaded: one process, presence in memory.
 *
 * A class and all its villages live in one process (see ClassRoom.openVillage), so one machine's
 * SQLite file holds the whole class record; the process writes its address under the class id, so
 * another process can send the teacher's report request there.
 */
import type { MatchMakerDriver, Presence } from "@colyseus/core";
import { matchMaker } from "@colyseus/core";
import { PUBLIC_ADDRESS, REDIS_URL, RETENTION_DAYS } from "./config.ts";

export interface ScaleOutOptions {
  presence?: Presence;
  driver?: MatchMakerDriver;
  publicAddress?: string;
}

/** The `defineServer` options for scale-out: empty without a Redis URL. */
export async function scaleOutOptions(
  redisUrl = REDIS_URL,
  publicAddress = PUBLIC_ADDRESS,
): Promise<ScaleOutOptions> {
  if (!redisUrl) return {};
  if (!publicAddress) {
    // Without it a browser takes its seat on whichever process it reached, which may not own the
    // room: every such join would fail with "seat reservation expired".
    throw new Error(
      "REDIS_URL is set but PUBLIC_ADDRESS is not: give each process its own address (docs/deploy.md)",
    );
  }
  const [{ RedisPresence }, { RedisDriver }] = await Promise.all([
    import("@colyseus/redis-presence"),
    import("@colyseus/redis-driver"),
  ]);
  return { presence: new RedisPresence(redisUrl), driver: new RedisDriver(redisUrl), publicAddress };
}

const homeKey = (classId: string) => `bangun-desa:class-home:${classId}`;

/** Note that this process keeps the class's record (only when scaled out; kept as long as reports). */
export async function recordClassHome(presence: Presence, classId: string): Promise<void> {
  if (!matchMaker.publicAddress) return;
  await presence.setex(homeKey(classId), matchMaker.publicAddress, RETENTION_DAYS * 24 * 60 * 60);
}

/**
 * The public address of the process that keeps the class's record, when it is another process
 * (null when it is this one, or unknown).
 */
export async function classHomeElsewhere(presence: Presence, classId: string): Promise<string | null> {
  if (!matchMaker.publicAddress) return null;
  const home = (await presence.get(homeKey(classId))) as string | null;
  return home && home !== matchMaker.publicAddress ? home : null;
}

export async function forgetClassHome(presence: Presence, classId: string): Promise<void> {
  if (matchMaker.publicAddress) await presence.del(homeKey(classId));
}
