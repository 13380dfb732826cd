/**
 * The joined class: the Colyseus connection as host (this module and the SDK are loaded only
 * once there is a class to join) and the render loop that draws the lobby, the live board or the
 * projector view from the synced `ClassState`.
 */
import {
  type ActionReply,
  CLOSE_CLASS_ENDED,
  type CreatedClass,
  type HostMessageName,
  PROTOCOL_VERSION,
} from "@bangun-desa/shared";
import { ClassState } from "@bangun-desa/shared/schema";
import { Client, MatchMakeError, type Room } from "@colyseus/sdk";
import { serverBack } from "../net/serverBack.ts";
import type { ClassInfo } from "./api.ts";
import { BoardView } from "./board.ts";
import type { ClassContext, HostFields } from "./context.ts";
import { joinUrl } from "./joinUrl.ts";
import { LobbyView } from "./lobby.ts";
import { announce, byId, errorText, onLangChange, page, showError, showScreen, t } from "./page.ts";
import { ProjectorView } from "./projector.ts";

/** Why joining failed: `gone` when the server answered (class closed, secret refused…). */
export class JoinFailure extends Error {
  constructor(
    readonly gone: boolean,
    readonly code: string,
  ) {
    super(code);
  }
}

export interface LiveHooks {
  /** The class is over for this page: forget it and show "Buat kelas" (with a message). */
  exit(message?: string): void;
}

function serverUrl(): string {
  if (import.meta.env.DEV) return `${location.protocol}//${location.hostname}:2567`;
  return location.origin;
}

async function joinAsHost(created: CreatedClass): Promise<Room<unknown, ClassState>> {
  const client = new Client(serverUrl());
  try {
    return await client.joinById(
      created.roomId,
      { role: "host", protocolVersion: PROTOCOL_VERSION, hostSecret: created.hostSecret },
      ClassState,
    );
  } catch (error) {
    if (error instanceof MatchMakeError) throw new JoinFailure(true, error.message);
    throw new JoinFailure(false, "network");
  }
}

/** Join the class as host and keep the page drawn from its state until the teacher leaves. */
export async function startClass(created: CreatedClass, info: ClassInfo, hooks: LiveHooks): Promise<void> {
  const room = await joinAsHost(created);
  let left = false;

  async function request<N extends HostMessageName>(name: N, fields: HostFields<N>): Promise<ActionReply> {
    try {
      const reply = (await room.request(name, { ...fields, hostSecret: created.hostSecret })) as unknown;
      if (reply && typeof reply === "object" && "ok" in reply) return reply as ActionReply;
    } catch {
      // Timeout, connection gone or a refused payload: shown as a network problem.
    }
    return { ok: false, error: "network" };
  }

  const ctx: ClassContext = {
    created,
    joinUrl: joinUrl(created.code, info.joinUrls),
    state: () => room.state,
    async act(name, fields, done) {
      const reply = await request(name, fields);
      if (reply.ok) {
        showError(null);
        announce(done ?? t("done.ok"));
      } else {
        showError(errorText(reply.error, reply.params));
      }
      return reply.ok;
    },
    rerender: () => render(),
    newClass() {
      left = true;
      void room.leave(true).catch(() => undefined);
      hooks.exit();
    },
  };

  const lobby = page.projector ? null : new LobbyView(ctx);
  const board = page.projector ? null : new BoardView(ctx);
  const projector = page.projector ? new ProjectorView(ctx) : null;
  let drawn = false;

  function render(): void {
    if (left) return;
    const state = room.state;
    if (!state.code) return; // the first full state has not arrived yet
    drawn = true;
    const corner = byId("code-corner");
    corner.textContent = t("code.corner", { code: state.code });
    if (projector) {
      showScreen("projector");
      corner.hidden = state.phase === "lobby";
      projector.render(state);
      return;
    }
    const inLobby = state.phase === "lobby";
    showScreen(inLobby ? "lobby-screen" : "play-screen");
    corner.hidden = inLobby;
    byId("projector-link").hidden = false;
    lobby?.render(state);
    if (!inLobby) board?.render(state);
  }

  // Patches arrive up to 20 times a second while bots play: draw at most once per frame.
  let frame = 0;
  const schedule = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      render();
    });
  };
  room.onStateChange(() => (drawn ? schedule() : render()));
  onLangChange(() => {
    lobby?.applyLang();
    board?.applyLang();
    render();
  });

  const netStatus = byId("net-status");
  const reload = byId("reload");
  room.onDrop(() => {
    netStatus.textContent = t("net.lost");
    document.body.classList.add("offline");
  });
  room.onReconnect(() => {
    netStatus.textContent = t("net.restored");
    document.body.classList.remove("offline");
    window.setTimeout(() => {
      if (netStatus.textContent === t("net.restored")) netStatus.textContent = "";
    }, 4000);
  });
  room.onLeave((code) => {
    if (left) return;
    left = true;
    document.body.classList.add("offline");
    if (code === CLOSE_CLASS_ENDED) {
      hooks.exit(t("net.classEnded"));
      return;
    }
    // The server restarted or stopped: wait for it, then reload (the page rejoins its class).
    netStatus.textContent = t("net.waiting");
    void serverBack(serverUrl()).then((back) => {
      if (back) location.reload();
      else {
        netStatus.textContent = t("net.closed");
        reload.hidden = false;
      }
    });
  });
  reload.addEventListener("click", () => location.reload());

  render();
  if (!drawn) {
    // Wait for the first state (with a bound: a silent server counts as a failed join).
    await new Promise<void>((resolve, reject) => {
      const timer = window.setTimeout(() => reject(new JoinFailure(false, "network")), 15_000);
      room.onStateChange.once(() => {
        window.clearTimeout(timer);
        render();
        resolve();
      });
    });
  }
}
