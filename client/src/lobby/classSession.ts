/**
 * The class this browser joined: its code, the student's device key and name, kept in
 * localStorage. A reload, a phone that slept too long or a browser reopened later brings the
 * student back to their own record in the class (and so to their own seat), by this key alone.
 */
const SESSION_KEY = "bangun-desa.kelas";

export interface ClassSession {
  code: string;
  studentKey: string;
  name: string;
}

export function readClassSession(): ClassSession | null {
  try {
    const raw = localStorage.getItem(SESSION_KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Partial<ClassSession>;
    if (typeof s.code !== "string" || typeof s.studentKey !== "string" || typeof s.name !== "string")
      return null;
    return { code: s.code, studentKey: s.studentKey, name: s.name };
  } catch {
    return null;
  }
}

export function storeClassSession(session: ClassSession | null): void {
  try {
    if (session) localStorage.setItem(SESSION_KEY, JSON.stringify(session));
    else localStorage.removeItem(SESSION_KEY);
  } catch {
    // No storage: a reload then starts from the join screen.
  }
}

/** The session for `code`: the stored one when it is this class (same key), else a new key. */
export function sessionFor(code: string, name: string): ClassSession {
  const stored = readClassSession();
  if (stored && stored.code === code) return { ...stored, name };
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  const studentKey = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return { code, studentKey, name };
}
