/**
 * Helpers for class tests: create a class over HTTP as the teacher page does, join it as the
 * teacher (with the host secret) or as students (with a device key), and take reserved seats.
 */
import { randomBytes } from "node:crypto";
import {
  type ActionReply,
  CLASS_ROOM,
  type CreatedClass,
  type HostMessageName,
  PROTOCOL_VERSION,
  type SeatMessage,
} from "@bangun-desa/shared";
import type { ClassState } from "@bangun-desa/shared/schema";
import type { Room as SDKRoom } from "@colyseus/sdk";
import type { ColyseusTestServer } from "@colyseus/testing";
import type { ClassRoom } from "../../server/src/rooms/ClassRoom.ts";
import { until, type Village } from "./helpers.ts";

export type ClassClient = SDKRoom<ClassRoom, ClassState>;
export { CLASS_ROOM };

/** The test server's HTTP address (@colyseus/testing listens on 2568). */
export const HTTP = "http://localhost:2568";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function createClass(password?: string): Promise<CreatedClass> {
  const res = await fetch(`${HTTP}/api/kelas`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(password === undefined ? {} : { password }),
  });
  if (res.status !== 201) throw new Error(`createClass: ${res.status} ${await res.text()}`);
  return (await res.json()) as CreatedClass;
}

export interface Teacher {
  created: CreatedClass;
  client: ClassClient;
  room: ClassRoom;
  /** Send a host message with the class's secret; waits a little (the message rate limit). */
  host(name: HostMessageName, payload?: Record<string, unknown>): Promise<ActionReply>;
}

/** Create a class and join it as its teacher. */
export async function teacher(colyseus: ColyseusTestServer): Promise<Teacher> {
  const created = await createClass();
  const client: ClassClient = await colyseus.sdk.joinById(created.roomId, {
    role: "host",
    protocolVersion: PROTOCOL_VERSION,
    hostSecret: created.hostSecret,
  });
  await until("class state", () => client.state.code === created.code);
  const room = colyseus.getRoomById<ClassRoom>(created.roomId);
  return {
    created,
    client,
    room,
    async host(name, payload = {}) {
      const reply = (await client.request(name, {
        hostSecret: created.hostSecret,
        ...payload,
      })) as ActionReply;
      await sleep(60);
      return reply;
    },
  };
}

export function studentKey(): string {
  return randomBytes(16).toString("hex");
}

export interface Student {
  key: string;
  client: ClassClient;
  /** Seat messages the class sent this student. */
  seats: SeatMessage[];
}

/** Join a class as a student (rejects with the server's error code as the message). */
export async function student(
  colyseus: ColyseusTestServer,
  roomId: string,
  name: string,
  key = studentKey(),
): Promise<Student> {
  const client: ClassClient = await colyseus.sdk.joinById(roomId, {
    role: "student",
    protocolVersion: PROTOCOL_VERSION,
    name,
    studentKey: key,
  });
  const seats: SeatMessage[] = [];
  client.onMessage("seat", (seat: SeatMessage) => seats.push(seat));
  client.onMessage("seatError", () => undefined);
  // As the browser does: during play, a student asks for the seat once listening.
  await until("the class state", () => client.state.code);
  if (client.state.phase === "playing") {
    const seat = (await client.request("seat", {})) as SeatMessage & { ok: boolean };
    if (seat.ok) seats.push(seat);
  }
  return { key, client, seats };
}

/** The error code a join is refused with (null when it was accepted). */
export async function refusal(join: Promise<unknown>): Promise<string | null> {
  return join.then(
    () => null,
    (e: unknown) => (e instanceof Error ? e.message : String(e)),
  );
}

/** Wait for the class's seat message and take the seat in the village. */
export async function takeSeat(colyseus: ColyseusTestServer, s: Student): Promise<Village> {
  await until("a seat from the class", () => s.seats.length > 0, 10_000);
  const seat = s.seats.shift()!;
  const village: Village = await colyseus.sdk.consumeSeatReservation(
    seat.reservation as Parameters<ColyseusTestServer["sdk"]["consumeSeatReservation"]>[0],
  );
  await village.waitForInitialState();
  return village;
}
