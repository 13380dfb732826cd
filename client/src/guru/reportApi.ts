/**
 * The class report's HTTP calls (`/api/laporan/<classId>`, server/src/http/): JSON, CSV and delete.
 * Every call sends the class's host secret in the `x-host-secret` header, so the CSV is fetched and
 * handed to the browser as a Blob (a plain link cannot carry the header).
 */
import type { ClassReport, CreatedClass } from "@bangun-desa/shared";
import { ApiError } from "./api.ts";

export type CsvSeparator = "comma" | "semicolon";

function serverBase(): string {
  // In `vite` dev mode the page is served by Vite, the game server runs on its own port.
  if (import.meta.env.DEV) return `${location.protocol}//${location.hostname}:2567`;
  return location.origin;
}

function reportUrl(created: CreatedClass, tail = ""): string {
  return `${serverBase()}/api/laporan/${encodeURIComponent(created.roomId)}${tail}`;
}

async function call(created: CreatedClass, init: RequestInit & { tail?: string } = {}): Promise<Response> {
  const { tail, ...rest } = init;
  let res: Response;
  try {
    res = await fetch(reportUrl(created, tail), {
      ...rest,
      cache: "no-store",
      headers: { "x-host-secret": created.hostSecret, ...(rest.headers as Record<string, string>) },
    });
  } catch {
    throw new ApiError("network");
  }
  if (res.ok) return res;
  const body = (await res.json().catch(() => null)) as { error?: unknown; params?: unknown } | null;
  if (typeof body?.error === "string") {
    throw new ApiError(body.error, body.params as Record<string, string | number> | undefined);
  }
  throw new ApiError(res.status === 404 ? "codeNotFound" : res.status === 401 ? "notHost" : "unknown");
}

export async function fetchReport(created: CreatedClass): Promise<ClassReport> {
  const res = await call(created, { headers: { accept: "application/json" } });
  const body: unknown = await res.json().catch(() => null);
  if (!body || typeof body !== "object") throw new ApiError("unknown");
  return body as ClassReport;
}

/** The file name from `Content-Disposition` (RFC 6266: `filename*=UTF-8''…` wins over `filename=`). */
export function dispositionName(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star?.[1]) {
    try {
      return safeName(decodeURIComponent(star[1].trim()));
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/.exec(header);
  const name = plain?.[1]?.replace(/\\(.)/g, "$1") ?? plain?.[2]?.trim();
  return name ? safeName(name) : null;
}

/** A name a download may use: no folders, no control characters. */
export function safeName(name: string): string | null {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const clean = name.replace(/[\\/\u0000-\u001f\u007f]/g, "_").trim();
  return clean && clean !== "." && clean !== ".." ? clean : null;
}

export async function fetchCsv(
  created: CreatedClass,
  lang: "id" | "en",
  sep: CsvSeparator,
): Promise<{ blob: Blob; name: string }> {
  const res = await call(created, { tail: `/csv?lang=${lang}&sep=${sep}`, headers: { accept: "text/csv" } });
  const blob = await res.blob();
  const fallback = `laporan-${created.code}${sep === "semicolon" ? "-excel" : ""}.csv`;
  return { blob, name: dispositionName(res.headers.get("content-disposition")) ?? fallback };
}

/** Delete the class's data on the server (204). A 404 throws `codeNotFound`. */
export async function deleteReport(created: CreatedClass): Promise<void> {
  await call(created, { method: "DELETE" });
}

/** Hand a Blob to the browser as a download (an object URL clicked through a temporary link). */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
