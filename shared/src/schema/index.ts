export * from "./classes.ts";
export * from "./classroom.ts";
export { SYNCED_LOG_LENGTH, SYNCED_NEWS_LENGTH, syncVillage } from "./sync.ts";
