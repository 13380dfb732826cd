/**
 * A student's connection to their class's lobby (lazy chunk with the SDK): waits for the teacher's
 * Mulai, then hands over the seat the class reserved in the student's village.
 */
import {
  CLOSE_CLASS_ENDED,
  CLOSE_KICKED,
  PROTOCOL_VERSION,
  type SeatMessage,
  translate,
} from "@bangun-desa/shared";
import { ClassState } from "@bangun-desa/shared/schema";
import { Client, type Room } from "@colyseus/sdk";
import type { Lang } from "../i18n.ts";
import { Emitter } from "../net/Emitter.ts";
import { serverUrl } from "../net/Network.ts";
import type { ClassSession } from "./classSession.ts";

export interface LobbyEvents {
  state: [state: ClassState];
  seat: [seat: SeatMessage];
  /** The class closed the connection: removed by the teacher, class over, or connection lost. */
  closed: [reason: "kicked" | "ended" | "lost"];
  seatError: [code: string];
}

export class ClassLobby {
  readonly events = new Emitter<LobbyEvents>();
  private room: Room<unknown, ClassState> | null = null;
  private leaving = false;
  studentId = "";

  /** Join the class as a student; rejects with the server's error code as the message. */
  async join(roomId: string, session: ClassSession, lang: Lang): Promise<void> {
    const client = new Client(serverUrl());
    const room = await client.joinById(
      roomId,
      {
        role: "student",
        protocolVersion: PROTOCOL_VERSION,
        name: session.name,
        studentKey: session.studentKey,
        lang,
      },
      ClassState,
    );
    this.room = room;
    // The first state (the class's phase above all) before anything is decided from it.
    if (!room.state.code) await new Promise<void>((resolve) => room.onStateChange.once(() => resolve()));
    room.onMessage("seat", (seat: SeatMessage) => this.events.emit("seat", seat));
    room.onMessage("seatError", (m: { error: string }) => this.events.emit("seatError", m.error));
    room.onStateChange((state) => this.events.emit("state", state));
    room.onLeave((code) => {
      if (this.leaving) return;
      this.events.emit(
        "closed",
        code === CLOSE_KICKED ? "kicked" : code === CLOSE_CLASS_ENDED ? "ended" : "lost",
      );
    });
    const me = (await room.request("me", {})) as { studentId?: string };
    this.studentId = me.studentId ?? "";
    if (room.state.students) this.events.emit("state", room.state);
  }

  /**
   * When the game is already on (a late joiner, or back after a reload), ask for the seat; call it
   * once listening to `seat`. (Students waiting in the lobby are sent theirs at Mulai.)
   */
  async claimSeatIfPlaying(): Promise<void> {
    if (this.room?.state.phase !== "playing") return;
    const seat = (await this.room.request("seat", {})) as
      | (SeatMessage & { ok: true })
      | { ok: false; error: string };
    if (seat.ok) this.events.emit("seat", seat);
    else this.events.emit("seatError", seat.error);
  }

  get state(): ClassState | null {
    return this.room?.state ?? null;
  }

  /** Leave the lobby (after taking the village seat, or to go back to the join screen). */
  async leave(): Promise<void> {
    this.leaving = true;
    await this.room?.leave().catch(() => undefined);
    this.room = null;
  }
}

/** A server error code (a join refusal) in the student's language; null when it is not one. */
export function errorText(lang: Lang, code: string): string | null {
  const key = `error.${code}`;
  const text = translate(lang, key);
  return text === key ? null : text;
}
