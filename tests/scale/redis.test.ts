/**
 * Scale-out with Redis (docs/deploy.md): a real `redis-server`, two server processes with
 * `REDIS_URL` and their own public addresses, and a small path-routing proxy in front (what nginx
 * does in a deploy: `/pa/…` → process A, `/pb/…` → process B). A class is created through process A;
 * students resolve its code and join through both processes, take their village seats on the
 * process that owns the class, and play; the teacher's board follows the villages; the report is
 * read through the other process. Each process has its own DATA_DIR, as on separate machines.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { createServer as createHttpServer, request as httpRequest, type Server } from "node:http";
import { connect, type Socket } from "node:net";
import {
  type ActionReply,
  type ClassReport,
  type CodeLookup,
  type CreatedClass,
  PROTOCOL_VERSION,
  type SeatMessage,
} from "@bangun-desa/shared";
import type { ClassState, VillageState } from "@bangun-desa/shared/schema";
import { Client, type Room } from "@colyseus/sdk";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { freePort, type GameServer, startServer } from "../browser/support.ts";
import { until } from "../support/until.ts";

const REDIS_SERVER = process.env.REDIS_SERVER_PATH ?? "/usr/bin/redis-server";
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type ClassClient = Room<unknown, ClassState>;
type VillageClient = Room<unknown, VillageState>;

/** `redis-server` on its own port, nothing written to disk. */
async function startRedis(port: number): Promise<{ url: string; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(
    REDIS_SERVER,
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  let failed: Error | null = null;
  child.on("error", (error) => {
    failed = error;
  });
  child.stdout?.on("data", (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    output += d.toString();
  });
  await until(
    "redis-server to accept connections",
    () => {
      if (failed) throw new Error(`cannot start ${REDIS_SERVER} (apt-get install redis-server): ${failed}`);
      if (child.exitCode !== null) throw new Error(`redis-server exited:\n${output}`);
      return output.includes("Ready to accept connections");
    },
    10_000,
  );
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      await exited;
    },
  };
}

interface Front {
  port: number;
  /** Every WebSocket that went through the proxy: the route prefix and the path after it. */
  sockets: { prefix: string; path: string }[];
  close(): Promise<void>;
}

/**
 * The reverse proxy of a deploy, in miniature: `/<prefix>/…` goes to that process with the prefix
 * taken off, for HTTP requests and WebSocket upgrades alike.
 */
async function startFront(routes: Record<string, number>): Promise<Front> {
  const sockets: Front["sockets"] = [];
  const open = new Set<Socket>();
  const route = (url = "/"): { prefix: string; port: number; path: string } | null => {
    const match = /^\/([a-z0-9]+)(\/.*)?$/.exec(url);
    const port = match ? routes[match[1]!] : undefined;
    return match && port ? { prefix: match[1]!, port, path: match[2] ?? "/" } : null;
  };
  const server: Server = createHttpServer((req, res) => {
    const target = route(req.url);
    if (!target) {
      res.writeHead(404).end();
      return;
    }
    const upstream = httpRequest(
      { host: "127.0.0.1", port: target.port, path: target.path, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on("upgrade", (req, socket: Socket, head: Buffer) => {
    const target = route(req.url);
    if (!target) {
      socket.destroy();
      return;
    }
    sockets.push({ prefix: target.prefix, path: target.path });
    const upstream = connect(target.port, "127.0.0.1", () => {
      const lines = [`${req.method} ${target.path} HTTP/1.1`];
      for (let i = 0; i < req.rawHeaders.length; i += 2)
        lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(`${lines.join("\r\n")}\r\n\r\n`);
      if (head.length > 0) upstream.write(head);
      upstream.pipe(socket).pipe(upstream);
    });
    for (const s of [socket, upstream]) {
      open.add(s);
      s.on("close", () => open.delete(s));
      s.on("error", () => {
        socket.destroy();
        upstream.destroy();
      });
    }
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  return {
    port: typeof address === "object" && address ? address.port : 0,
    sockets,
    async close() {
      for (const s of open) s.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

let redis: Awaited<ReturnType<typeof startRedis>> | undefined;
let front: Front | undefined;
const processes: Record<string, GameServer> = {};
const clients: Room[] = [];

beforeAll(async () => {
  const [redisPort, portA, portB] = await Promise.all([freePort(), freePort(), freePort()]);
  front = await startFront({ pa: portA, pb: portB });
  redis = await startRedis(redisPort);
  const env = (prefix: string) => ({
    REDIS_URL: redis!.url,
    PUBLIC_ADDRESS: `127.0.0.1:${front!.port}/${prefix}`,
  });
  const [a, b] = await Promise.all([
    startServer({ port: portA, env: env("pa") }),
    startServer({ port: portB, env: env("pb") }),
  ]);
  processes.pa = a;
  processes.pb = b;
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.leave().catch(() => undefined)));
  await Promise.all(Object.values(processes).map((p) => p.stop()));
  if (process.env.SCALE_TEST_OUTPUT) {
    for (const [prefix, p] of Object.entries(processes)) console.info(`— process ${prefix} —\n${p.output()}`);
  }
  await front?.close();
  await redis?.stop();
});

/** A Colyseus client that talks to one process directly (its matchmaker, its HTTP API). */
function sdk(prefix: string): Client {
  return new Client(processes[prefix]!.url);
}

/** The process (route prefix) whose WebSocket carried the connection to `roomId`. */
function ownerOf(roomId: string): string {
  const found = front!.sockets.find((s) => s.path.endsWith(`/${roomId}`) || s.path.includes(`/${roomId}?`));
  if (!found) throw new Error(`no WebSocket to ${roomId} went through the proxy`);
  return found.prefix;
}

async function host(
  teacher: ClassClient,
  created: CreatedClass,
  name: string,
  payload = {},
): Promise<ActionReply> {
  const reply = (await teacher.request(name, { hostSecret: created.hostSecret, ...payload })) as ActionReply;
  await sleep(60);
  return reply;
}

interface Pupil {
  name: string;
  via: string;
  lobby: ClassClient;
  seats: SeatMessage[];
  village?: VillageClient;
  seatId?: string;
}

describe("two processes sharing classes through Redis", () => {
  it("plays a class created through process A with students who joined through process B", async () => {
    const startedAt = Date.now();
    onTestFailed(() => {
      for (const [prefix, p] of Object.entries(processes))
        console.error(`— process ${prefix} —\n${p.output()}`);
    });

    // The teacher creates the class through process A, as the teacher page does.
    const res = await fetch(`${processes.pa!.url}/api/kelas`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as CreatedClass;

    const teacher: ClassClient = await sdk("pa").joinById(created.roomId, {
      role: "host",
      protocolVersion: PROTOCOL_VERSION,
      hostSecret: created.hostSecret,
    });
    clients.push(teacher);
    await until("the class state", () => teacher.state.code === created.code);
    // The matchmaker put the class on one of the two processes: `home`; the other is `away`.
    const home = ownerOf(created.roomId);
    const away = home === "pa" ? "pb" : "pa";

    // Codes live in Redis: both processes resolve the class's code.
    for (const prefix of ["pa", "pb"]) {
      const found = (await (
        await fetch(`${processes[prefix]!.url}/api/kode/${created.code}`)
      ).json()) as CodeLookup;
      expect(found).toEqual({ kind: "kelas", roomId: created.roomId });
    }

    expect((await host(teacher, created, "settings", { settings: { villageSize: 4 } })).ok).toBe(true);

    // Five students: most through the process that does not own the class, some through the one that does.
    const pupils: Pupil[] = [];
    for (const [i, via] of [away, home, away, away, home].entries()) {
      const name = `Siswa ${i + 1}`;
      const lookup = (await (
        await fetch(`${processes[via]!.url}/api/kode/${created.code}`)
      ).json()) as CodeLookup;
      const lobby: ClassClient = await sdk(via).joinById(lookup.roomId, {
        role: "student",
        protocolVersion: PROTOCOL_VERSION,
        name,
        studentKey: randomBytes(16).toString("hex"),
      });
      clients.push(lobby);
      const pupil: Pupil = { name, via, lobby, seats: [] };
      lobby.onMessage("seat", (seat: SeatMessage) => pupil.seats.push(seat));
      lobby.onMessage("seatError", () => undefined);
      pupils.push(pupil);
    }
    await until("five students on the teacher's list", () => teacher.state.students.size === 5);
    expect(teacher.state.villageCount).toBe(2);

    // Mulai: the class opens its villages and sends every student a seat.
    expect((await host(teacher, created, "start")).ok).toBe(true);
    await Promise.all(
      pupils.map(async (p) => {
        await until(`a seat for ${p.name}`, () => p.seats.length > 0, 10_000);
        const seat = p.seats.shift()!;
        const client = sdk(p.via);
        const village: VillageClient = await client.consumeSeatReservation(
          seat.reservation as Parameters<Client["consumeSeatReservation"]>[0],
        );
        clients.push(village);
        p.village = village;
        const hello = (await village.request("hello", {})) as { seatId: string };
        p.seatId = hello.seatId;
      }),
    );
    // Every seat was taken on the class's process, through its own public address (the proxy).
    const villageIds = [...new Set(pupils.map((p) => p.village!.roomId))];
    expect(villageIds).toHaveLength(2);
    for (const id of villageIds) expect(ownerOf(id)).toBe(home);
    for (const p of pupils) expect(p.seatId).toMatch(/^s\d$/);

    // The teacher's board shows both villages, with their students connected.
    await until(
      "the board to show both villages with their students",
      () =>
        teacher.state.villages.length === 2 &&
        [...teacher.state.villages].every(
          (v) => v.phase === "warning" && v.players.filter((pl) => pl.studentId && pl.connected).length >= 2,
        ),
      10_000,
    );

    // The action window opens after the 10-second warning; then everyone gathers.
    await Promise.all(
      pupils.map((p) => until(`action for ${p.name}`, () => p.village!.state.phase === "action", 15_000)),
    );
    for (const p of pupils) {
      const reply = (await p.village!.request("gather", { site: "sawah", tenaga: 1 })) as ActionReply;
      expect(reply, `${p.name} gathers`).toEqual({ ok: true });
    }
    // Each gatherer's move reached every village-mate, whichever process they entered through.
    for (const p of pupils) {
      const mates = pupils.filter((m) => m !== p && m.village!.roomId === p.village!.roomId);
      expect(mates.some((m) => m.via !== p.via) || mates.length === 0).toBe(true);
      const own = () => p.village!.state.players.get(p.seatId!);
      for (const m of mates) {
        await until(`${m.name} to see ${p.name} at the sawah`, () => {
          const seen = m.village!.state.players.get(p.seatId!);
          return seen?.location === "sawah" && seen.tenaga === own()?.tenaga && seen.beras === undefined;
        });
      }
    }

    // A contribution of labour to an open project (a real act of gotong royong).
    const worker = pupils[0]!;
    const open = [...worker.village!.state.projects.values()].filter((pr) => pr.status === "open");
    let contributed = false;
    for (const project of open) {
      const reply = (await worker.village!.request("contribute", {
        projectId: project.id,
        tenaga: 1,
      })) as ActionReply;
      if (reply.ok) {
        contributed = true;
        break;
      }
    }
    expect(contributed).toBe(true);
    const mate = pupils.find((m) => m !== worker && m.village!.roomId === worker.village!.roomId)!;
    await until(`${mate.name} to see ${worker.name}'s labour`, () => {
      const seen = mate.village!.state.players.get(worker.seatId!);
      return (
        seen &&
        seen.tenaga === worker.village!.state.players.get(worker.seatId!)?.tenaga &&
        seen.contributed > 0
      );
    });

    // The board follows the game (village reports on the presence channel, through Redis).
    await until(
      "the board to show the action window",
      () => [...teacher.state.villages].every((v) => v.phase === "action"),
      5_000,
    );

    // The teacher ends the game: both villages end, the board and the class follow.
    expect((await host(teacher, created, "end")).ok).toBe(true);
    await Promise.all(
      pupils.map((p) => until(`the end for ${p.name}`, () => p.village!.state.phase === "ended")),
    );
    await until("the class to end", () => teacher.state.phase === "ended");
    expect([...teacher.state.villages].map((v) => v.phase)).toEqual(["ended", "ended"]);

    // The report lives in the class's process; asked of the other process, it is sent there.
    const headers = { "x-host-secret": created.hostSecret };
    const moved = await fetch(`${processes[away]!.url}/api/laporan/${created.roomId}`, {
      headers,
      redirect: "manual",
    });
    expect(moved.status).toBe(307);
    expect(moved.headers.get("location")).toBe(
      `//127.0.0.1:${front!.port}/${home}/api/laporan/${created.roomId}`,
    );
    const report = await fetch(`${processes[away]!.url}/api/laporan/${created.roomId}`, { headers });
    expect(report.status).toBe(200);
    const body = (await report.json()) as ClassReport;
    expect(JSON.stringify(body)).toContain(created.code);
    for (const p of pupils) expect(JSON.stringify(body)).toContain(p.name);
    const wrong = await fetch(`${processes[away]!.url}/api/laporan/${created.roomId}`, {
      headers: { "x-host-secret": "wrong" },
    });
    expect(wrong.status).toBe(401);

    // A practice village asked of the class's process is created on the emptier one and is
    // reached through that process's own address.
    const solo: VillageClient = await sdk(home).create("village", {
      protocolVersion: PROTOCOL_VERSION,
      name: "Sendiri",
    });
    clients.push(solo);
    await until("the practice village's state", () => solo.state.players?.size > 0);
    expect(ownerOf(solo.roomId)).toBe(away);
    const soloCode = solo.state.code;
    const lookup = (await (await fetch(`${processes[home]!.url}/api/kode/${soloCode}`)).json()) as CodeLookup;
    expect(lookup).toEqual({ kind: "desa", roomId: solo.roomId });

    for (const p of Object.values(processes)) expect(p.output()).not.toMatch(/seat reservation expired/i);
    console.info(`class on ${home}, students through both; game played in ${Date.now() - startedAt} ms`);
  });
});
