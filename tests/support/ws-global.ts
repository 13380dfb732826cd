// SDK clients in Node tests use the `ws` package: Node 22's built-in WebSocket fires no `close` on a
// failed connect (which stops SDK auto-reconnect), and @colyseus/core's reconnection path reads the
// global WebSocket. See docs/CONTEXT notes in tests/README.md.
import { WebSocket } from "ws";

(globalThis as unknown as { WebSocket: unknown }).WebSocket = WebSocket;
