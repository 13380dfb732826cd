import { fileURLToPath } from "node:url";

/** Server settings from the environment, with the defaults a teacher's laptop needs. */
export const PORT = Number(process.env.PORT ?? 2567);
export const HOST = process.env.HOST ?? "0.0.0.0";
/** How long a dropped student's seat is held (seconds): phones sleep, Wi-Fi drops. */
export const RECONNECT_SECONDS = Number(process.env.RECONNECT_SECONDS ?? 120);
/**
 * How long a dropped student's hand stays exactly as they left it (seconds) before a careful
 * stand-in starts keeping the household going: an outage of up to 90 s, plus the few seconds the
 * browser needs to come back, finds the same hand.
 */
export const CARETAKER_GRACE_SECONDS = Number(process.env.CARETAKER_GRACE_SECONDS ?? 100);
/** Messages a client may send per second before it is cut off as a flood. */
export const MAX_MESSAGES_PER_SECOND = 20;
/** Largest WebSocket frame accepted (bytes). */
export const MAX_PAYLOAD_BYTES = 4 * 1024;
/** Room clock step (ms): phase deadlines and bots are checked this often. */
export const TICK_MS = 250;
/**
 * An optional password for creating classes (on a public server); read on each request so it can
 * be changed without a restart. Unset or empty: anyone who reaches `/guru` may create a class.
 */
export function teacherPassword(): string {
  return process.env.TEACHER_PASSWORD ?? "";
}
/** Wrong join codes one address may try per minute (a whole class shares one address behind NAT). */
export const WRONG_CODES_PER_MINUTE = Number(process.env.WRONG_CODES_PER_MINUTE ?? 120);
/** Classes one address may create per minute. */
export const CLASSES_PER_MINUTE = 60;
/** Wrong teacher passwords one address may try per minute. */
export const WRONG_PASSWORDS_PER_MINUTE = 10;
/** The address students open, when the server knows better than the teacher's browser (a deploy). */
export const PUBLIC_URL = process.env.PUBLIC_URL ?? "";
/** Express's `trust proxy` (set when behind a reverse proxy, so rate limits see the real address). */
export const TRUST_PROXY = process.env.TRUST_PROXY ?? "";
/** How long a class room stays after its game ended, for the teacher's last look (ms). */
export const CLASS_LINGER_MS = 10 * 60_000;
/** Where the SQLite file lives (created on first start). */
export const DATA_DIR = process.env.DATA_DIR ?? fileURLToPath(new URL("../../data", import.meta.url));
/** Class reports are kept this many days, then deleted (a school term and a bit). */
export const RETENTION_DAYS = Number(process.env.RETENTION_DAYS ?? 180);
/**
 * Scale-out (docs/deploy.md): with a Redis URL, every process shares Colyseus's presence and room
 * list through Redis, so a class created through one process is joined through any other.
 * Unset: one process with in-memory presence, as on a teacher's laptop.
 */
export const REDIS_URL = process.env.REDIS_URL ?? "";
/**
 * This process's own address as browsers reach it through the reverse proxy, without a scheme
 * (`game.example.org/p1`): a seat in a room of this process is taken at
 * `wss://<address>/<processId>/<roomId>`. Required with REDIS_URL, distinct for each process, and on
 * the page's own host (the Content-Security-Policy allows connections to 'self' only).
 */
export const PUBLIC_ADDRESS = (process.env.PUBLIC_ADDRESS ?? "")
  .replace(/^[a-z]+:\/\//i, "")
  .replace(/\/+$/, "");
/**
 * The priority (nice, 0–19) of the server's helper threads — V8's garbage-collector and compiler
 * workers, libuv's pool — while the event loop's own thread keeps its priority (server/src/threads.ts).
 * 0 leaves every thread as it started.
 */
export const HELPER_THREADS_NICE = Math.min(
  19,
  Math.max(0, Number(process.env.HELPER_THREADS_NICE ?? 19) || 0),
);
