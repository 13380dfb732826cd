/**
 * The WebSocket transport, with its heartbeat spread over time.
 *
 * ws-transport pings every connected client in one timer callback every 3 s and cuts off a client
 * that left 2 pings unanswered. At 2,000 clients that callback is one burst of 2,000 socket writes
 * (~25 ms in a CPU profile of the load test), with a burst of 2,000 pongs right after it, every
 * 3 s: every move that arrives then waits behind it. Here the interval is cut into slots of
 * PING_SLOT_MS and each client has a slot of its own, given round-robin when the heartbeat first
 * sees it, so the same pings go out a thirtieth at a time. Each client is still pinged once per
 * interval and cut off after the same number of unanswered pings.
 */
import { WebSocketTransport } from "@colyseus/ws-transport";
import type WebSocket from "ws";

/** How often a slice of the clients is pinged (ms). */
export const PING_SLOT_MS = 100;

/** A client as ws-transport keeps it: its count of pings without a pong (reset by each pong). */
type PingedClient = WebSocket & { pingCount: number };

const noop = (): void => {};

export class SpreadPingTransport extends WebSocketTransport {
  protected override autoTerminateUnresponsiveClients(pingInterval: number, pingMaxRetries: number): void {
    const slots = Math.max(1, Math.round(pingInterval / PING_SLOT_MS));
    const slotOf = new WeakMap<WebSocket, number>();
    let nextSlot = 0;
    let slot = 0;
    this.pingInterval = setInterval(() => {
      for (const socket of this.wss.clients) {
        let own = slotOf.get(socket);
        if (own === undefined) {
          own = nextSlot;
          nextSlot = (nextSlot + 1) % slots;
          slotOf.set(socket, own);
        }
        if (own !== slot) continue;
        const client = socket as PingedClient;
        if (client.pingCount >= pingMaxRetries) {
          client.terminate();
          continue;
        }
        client.pingCount++;
        client.ping(noop);
      }
      slot = (slot + 1) % slots;
    }, pingInterval / slots);
  }
}
