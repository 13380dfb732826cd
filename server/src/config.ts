/** Server settings from the environment, with the defaults a teacher's laptop needs. */
export const PORT = Number(process.env.PORT ?? 2567);
export const HOST = process.env.HOST ?? "0.0.0.0";
/** How long a dropped student's seat is held (seconds): phones sleep, Wi-Fi drops. */
export const RECONNECT_SECONDS = Number(process.env.RECONNECT_SECONDS ?? 120);
/** Messages a client may send per second before it is cut off as a flood. */
export const MAX_MESSAGES_PER_SECOND = 20;
/** Largest WebSocket frame accepted (bytes). */
export const MAX_PAYLOAD_BYTES = 4 * 1024;
/** Room clock step (ms): phase deadlines and bots are checked this often. */
export const TICK_MS = 250;
