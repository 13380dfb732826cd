/** The teacher page's HTTP calls (server/src/http/api.ts). */
import type { CreatedClass } from "@bangun-desa/shared";

export interface ClassInfo {
  passwordRequired: boolean;
  /** Addresses students can open (LAN addresses, or the configured public URL). */
  joinUrls: string[];
}

/** An HTTP refusal: the shared error code (`error.<code>`), or "network" when nothing came back. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(code);
  }
}

function serverBase(): string {
  // In `vite` dev mode the page is served by Vite, the game server runs on its own port.
  if (import.meta.env.DEV) return `${location.protocol}//${location.hostname}:2567`;
  return location.origin;
}

export async function classInfo(): Promise<ClassInfo> {
  try {
    const res = await fetch(`${serverBase()}/api/kelas`, { headers: { accept: "application/json" } });
    if (!res.ok) return { passwordRequired: false, joinUrls: [] };
    const body = (await res.json()) as Partial<ClassInfo>;
    return {
      passwordRequired: body.passwordRequired === true,
      joinUrls: Array.isArray(body.joinUrls) ? body.joinUrls.filter((u) => typeof u === "string") : [],
    };
  } catch {
    return { passwordRequired: false, joinUrls: [] };
  }
}

export async function createClass(password: string | undefined): Promise<CreatedClass> {
  let res: Response;
  try {
    res = await fetch(`${serverBase()}/api/kelas`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(password ? { password } : {}),
    });
  } catch {
    throw new ApiError("network");
  }
  const body = (await res.json().catch(() => null)) as
    | (CreatedClass & { error?: undefined })
    | { error: string; params?: Record<string, number> }
    | null;
  if (res.status === 201 && body && !body.error && "roomId" in body) return body;
  if (body?.error) throw new ApiError(body.error, body.params);
  throw new ApiError("unknown");
}
