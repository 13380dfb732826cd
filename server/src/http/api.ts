/**
 * The HTTP side of the class: create a class (`createClass`), resolve a join code, and what the
 * teacher page needs to know first. Codes resolve to long random room ids; wrong codes are
 * rate-limited per address, so guessing a class's code is slow.
 */
import { networkInterfaces } from "node:os";
import {
  buildClassReport,
  CLASS_ROOM,
  type CodeLookup,
  type CreatedClass,
  ERROR_CODES,
  HOST_SECRET_BYTES,
  normaliseCode,
  reportCsv,
} from "@bangun-desa/shared";
import { matchMaker } from "@colyseus/core";
import express, { type Application, type Request, type Response } from "express";
import { freeCode, lookupCode } from "../codes.ts";
import {
  CLASSES_PER_MINUTE,
  PUBLIC_URL,
  TRUST_PROXY,
  teacherPassword,
  WRONG_CODES_PER_MINUTE,
  WRONG_PASSWORDS_PER_MINUTE,
} from "../config.ts";
import { RateLimiter } from "../rateLimit.ts";
import { classHomeElsewhere, forgetClassHome } from "../scaleOut.ts";
import { hashSecret, newSecret, secretMatches } from "../secrets.ts";
import { type StoredClass, store } from "../storage/index.ts";

/** The addresses students on the same Wi-Fi can open. */
export function lanUrls(port: number): string[] {
  const urls: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const net of list ?? []) {
      if (net.family === "IPv4" && !net.internal) urls.push(`http://${net.address}:${port}/`);
    }
  }
  return urls;
}

function refuse(res: Response, status: number, error: string, params?: Record<string, number>): void {
  res.status(status).json(params ? { error, params } : { error });
}

function address(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? "?";
}

const wrongCodes = new RateLimiter(WRONG_CODES_PER_MINUTE, 60_000);
const wrongPasswords = new RateLimiter(WRONG_PASSWORDS_PER_MINUTE, 60_000);
const creations = new RateLimiter(CLASSES_PER_MINUTE, 60_000);

/** Forget every address's count (tests that try the limits start afresh). */
export function resetRateLimits(): void {
  for (const limiter of [wrongCodes, wrongPasswords, creations]) limiter.clear();
}

export function installApi(app: Application): void {
  if (TRUST_PROXY) app.set("trust proxy", TRUST_PROXY);
  const json = express.json({ limit: "2kb" });

  /** What the teacher page needs before creating a class. */
  app.get("/api/kelas", (req, res) => {
    const port = Number(req.socket.localPort);
    res.json({
      passwordRequired: teacherPassword() !== "",
      joinUrls: PUBLIC_URL ? [PUBLIC_URL] : lanUrls(port),
    });
  });

  /** createClass: a new class room and its host secret (returned once, kept by the teacher's browser). */
  app.post("/api/kelas", json, async (req, res) => {
    const who = address(req);
    for (const limiter of [creations, wrongPasswords]) {
      if (!limiter.allowed(who)) {
        refuse(res, 429, ERROR_CODES.tooManyTries, { retryAfter: limiter.retryAfter(who) });
        return;
      }
    }
    const required = teacherPassword();
    const given = (req.body as { password?: unknown } | undefined)?.password;
    if (required !== "" && !secretMatches(given, hashSecret(required))) {
      wrongPasswords.hit(who);
      refuse(res, 403, ERROR_CODES.badPassword);
      return;
    }
    creations.hit(who);
    try {
      const hostSecret = newSecret(HOST_SECRET_BYTES);
      const code = await freeCode(matchMaker.presence);
      const room = await matchMaker.createRoom(CLASS_ROOM, {
        code,
        hostSecretHash: hashSecret(hostSecret).toString("hex"),
      });
      const created: CreatedClass = { code, roomId: room.roomId, hostSecret };
      res.status(201).json(created);
    } catch (error) {
      console.error("createClass failed:", error);
      refuse(res, 500, ERROR_CODES.villageUnavailable);
    }
  });

  /** Resolve a join code to its room. Wrong codes count against the address. */
  app.get("/api/kode/:code", async (req, res) => {
    const who = address(req);
    if (!wrongCodes.allowed(who)) {
      res.setHeader("Retry-After", String(wrongCodes.retryAfter(who)));
      refuse(res, 429, ERROR_CODES.tooManyTries, { retryAfter: wrongCodes.retryAfter(who) });
      return;
    }
    const code = normaliseCode(String(req.params.code ?? "")).slice(0, 16);
    const found: CodeLookup | null = await lookupCode(matchMaker.presence, code);
    if (!found) {
      wrongCodes.hit(who);
      refuse(res, 404, ERROR_CODES.codeNotFound);
      return;
    }
    res.json(found);
  });

  // ——— class reports (the host secret in the `x-host-secret` header) ———

  /**
   * The stored class, when the request carries its host secret; otherwise the refusal is sent.
   * Scaled out, a class's record is kept by the process that ran it: a request that reached
   * another process is sent there (307 keeps the method and the browser keeps the header, as the
   * address is on the same host).
   */
  const authorised = async (req: Request, res: Response): Promise<StoredClass | null> => {
    const id = String(req.params.id ?? "");
    const hash = store().hostHash(id);
    if (!hash) {
      const home = await classHomeElsewhere(matchMaker.presence, id);
      // Scheme-relative: the browser keeps https (or http) whatever the proxy told this process.
      if (home) res.redirect(307, `//${home}${req.originalUrl}`);
      else refuse(res, 404, ERROR_CODES.codeNotFound);
      return null;
    }
    if (!secretMatches(req.get("x-host-secret"), Buffer.from(hash, "hex"))) {
      refuse(res, 401, ERROR_CODES.notHost);
      return null;
    }
    return store().loadClass(id);
  };
  const reportOf = (c: StoredClass) => buildClassReport(c.meta, c.villages, c.students, c.quizzes);

  app.get("/api/laporan/:id", async (req, res) => {
    const stored = await authorised(req, res);
    if (stored) res.json(reportOf(stored));
  });

  app.get("/api/laporan/:id/csv", async (req, res) => {
    const stored = await authorised(req, res);
    if (!stored) return;
    const lang = req.query.lang === "en" ? "en" : "id";
    const separator = req.query.sep === "semicolon" ? ";" : ",";
    res.setHeader("Content-Type", "text/csv; charset=utf-8");
    res.setHeader(
      "Content-Disposition",
      `attachment; filename="bangun-desa-${stored.meta.code}-${new Date(stored.meta.createdAt).toISOString().slice(0, 10)}.csv"`,
    );
    res.send(reportCsv(reportOf(stored), lang, separator));
  });

  app.delete("/api/laporan/:id", async (req, res) => {
    const stored = await authorised(req, res);
    if (!stored) return;
    store().deleteClass(stored.meta.id);
    await forgetClassHome(matchMaker.presence, stored.meta.id);
    res.status(204).end();
  });
}
