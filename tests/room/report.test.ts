/**
 * The teacher's report from a scripted class game through the real server: per-form counts,
 * contributions, trades and quiz scores as played; the CSV parses back to the same numbers with
 * Indonesian text intact; the report needs the host secret; it is still there when the store is
 * opened afresh (the file is the source, not memory).
 */
import { type ClassReport, ERROR_CODES, FORMS, quizItem } from "@bangun-desa/shared";
import { describe, expect, it } from "vitest";
import { closeStore } from "../../server/src/storage/index.ts";
import { HTTP, student, takeSeat, teacher } from "./classHelpers.ts";
import { act, hello, until, untilPhase, useServer, type Village } from "./helpers.ts";

const server = useServer({ cleanEach: true });

/** A minimal RFC 4180 reader (quotes, doubled quotes, CRLF). */
function parseCsv(text: string, separator = ","): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === separator) {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += ch;
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}

const NAMES = ["Kadék Ayu", "Budi", "Siti Nur'aini"] as const;

describe("the class report", () => {
  it("matches a scripted game, parses back from CSV, needs the secret and outlives the open store", async () => {
    const t = await teacher(server.colyseus);
    await t.host("settings", { settings: { bots: false, openAllForms: true, actionSeconds: 60 } });
    const list = [];
    for (const name of NAMES) list.push(await student(server.colyseus, t.created.roomId, name));
    await until("three students", () => t.client.state.students.size === 3);
    expect(await t.host("start")).toEqual({ ok: true });
    const [ayu, budi, siti] = (await Promise.all(list.map((s) => takeSeat(server.colyseus, s)))) as [
      Village,
      Village,
      Village,
    ];
    const seats = await Promise.all([ayu, budi, siti].map(async (v) => (await hello(v)).seatId));
    await untilPhase(ayu, "action");

    // Gotong royong: Ayu works once on the selokan.
    const selokan = [...ayu.state.projects.values()].find((p) => p.kind === "selokan")!;
    expect(await act(ayu, "contribute", { projectId: selokan.id, tenaga: 1 })).toEqual({ ok: true });
    // Bargaining: Ayu offers Budi a trade of what she holds for what he holds; he accepts.
    const mine = ayu.state.players.get(seats[0]!)!;
    const give = (["beras", "kayu", "batu", "uang"] as const).find((r) => (mine[r] ?? 0) > 0)!;
    const his = budi.state.players.get(seats[1]!)!;
    const get = (["beras", "kayu", "batu", "uang"] as const).find((r) => r !== give && (his[r] ?? 0) > 0)!;
    const offer = await ayu.request("offerTrade", { to: seats[1], give: { [give]: 1 }, get: { [get]: 1 } });
    expect(offer).toEqual({ ok: true });
    await until("the offer reached Budi", () => budi.state.offers.size > 0);
    const offerId = [...budi.state.offers.keys()][0]!;
    expect(await budi.request("acceptTrade", { offerId })).toEqual({ ok: true });
    await until("Ayu's contribution shows", () => (ayu.state.players.get(seats[0]!)?.contributed ?? 0) > 0);
    const ayuContributed = ayu.state.players.get(seats[0]!)!.contributed;

    expect(await t.host("end")).toEqual({ ok: true });
    await until("the game ended", () => siti.state.phase === "ended");

    // The quiz: Ayu answers every item right, Budi every item wrong, Siti does not take it.
    const quiz = async (v: Village) => (await v.request("quiz", {})) as { itemIds: string[] };
    const ayuItems = (await quiz(ayu)).itemIds;
    const budiItems = (await quiz(budi)).itemIds;
    expect(ayuItems).toHaveLength(10);
    const right = ayuItems.map((id) => quizItem(id)!.answer);
    const wrong = budiItems.map((id) => (quizItem(id)!.answer + 1) % 5);
    expect(await ayu.request("submitQuiz", { answers: right })).toMatchObject({
      ok: true,
      correct: 10,
      total: 10,
    });
    expect(await budi.request("submitQuiz", { answers: wrong })).toMatchObject({
      ok: true,
      correct: 0,
      total: 10,
    });
    // A second hand-in does not change the first score.
    expect(await ayu.request("submitQuiz", { answers: wrong })).toMatchObject({ ok: true, correct: 10 });
    expect(await siti.request("submitQuiz", { answers: [1, 2] })).toMatchObject({
      ok: false,
      error: ERROR_CODES.badMessage,
    });

    const url = `${HTTP}/api/laporan/${t.created.roomId}`;
    const headers = { "x-host-secret": t.created.hostSecret };
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { "x-host-secret": "tebakan" } })).status).toBe(401);
    expect((await fetch(`${HTTP}/api/laporan/bukan-kelas`, { headers })).status).toBe(404);

    const report = (await (await fetch(url, { headers })).json()) as ClassReport;
    expect(report.code).toBe(t.created.code);
    expect(report.villages).toHaveLength(1);
    expect(report.villages[0]!.outcome).toBe("endedEarly");
    expect(report.villages[0]!.meterHistory.map((m) => m.season)).toEqual([0, 1]);
    const row = (name: string) => report.students.find((s) => s.name === name)!;
    expect(row("Kadék Ayu").forms).toEqual({
      gotongRoyong: 1,
      bargaining: 1,
      kooptasi: 0,
      koalisi: 0,
      jointVenture: 0,
    });
    expect(row("Budi").forms).toEqual({
      gotongRoyong: 0,
      bargaining: 1,
      kooptasi: 0,
      koalisi: 0,
      jointVenture: 0,
    });
    expect(row("Siti Nur'aini").forms).toEqual({
      gotongRoyong: 0,
      bargaining: 0,
      kooptasi: 0,
      koalisi: 0,
      jointVenture: 0,
    });
    expect(row("Kadék Ayu").trades).toBe(1);
    expect(row("Budi").trades).toBe(1);
    expect(row("Kadék Ayu").contributed).toBe(ayuContributed);
    expect(row("Budi").contributed).toBe(0);
    expect(row("Kadék Ayu").quiz).toEqual({ correct: 10, total: 10, missed: [] });
    expect(row("Budi").quiz?.correct).toBe(0);
    expect(row("Budi").quiz?.missed.map((m) => m.itemId)).toEqual(budiItems);
    expect(row("Siti Nur'aini").quiz).toBeNull();
    expect(report.villages[0]!.forms.gotongRoyong).toBeGreaterThanOrEqual(1);

    // The CSV: a BOM, then the same numbers and the names exactly as typed.
    const csvRes = await fetch(`${url}/csv`, { headers });
    expect(csvRes.headers.get("content-type")).toContain("text/csv");
    const bytes = new Uint8Array(await csvRes.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder().decode(bytes.slice(3)));
    const [head, ...body] = rows;
    expect(head!.slice(0, 3)).toEqual(["Nama", "Desa", "Peran"]);
    expect(body).toHaveLength(3);
    for (const s of report.students) {
      const r = body.find((cells) => cells[0] === s.name);
      expect(r, s.name).toBeDefined();
      expect(r!.slice(3, 3 + FORMS.length).map(Number)).toEqual(FORMS.map((f) => s.forms[f]));
      expect(Number(r![3 + FORMS.length])).toBe(s.contributed);
      expect(Number(r![4 + FORMS.length])).toBe(s.trades);
      expect(r![7 + FORMS.length]).toBe(s.quiz ? String(s.quiz.correct) : "");
    }
    const semicolon = await (await fetch(`${url}/csv?sep=semicolon&lang=en`, { headers })).text();
    // (fetch's text() drops the byte-order mark itself.)
    const enRows = parseCsv(semicolon, ";");
    expect(enRows[0]!.slice(0, 3)).toEqual(["Name", "Desa", "Role"]);
    expect(enRows.map((r) => r[0])).toContain("Siti Nur'aini");

    // The file is the source: opened afresh, the store gives the same report.
    closeStore();
    const again = (await (await fetch(url, { headers })).json()) as ClassReport;
    expect(again).toEqual(report);

    // Deleting needs the secret too, then the report is gone.
    expect((await fetch(url, { method: "DELETE" })).status).toBe(401);
    expect((await fetch(url, { method: "DELETE", headers })).status).toBe(204);
    expect((await fetch(url, { headers })).status).toBe(404);
  });
});
