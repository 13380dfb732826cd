/**
 * The reconnection token of the current village, kept in sessionStorage: a page reload (or a phone
 * that slept) rejoins the same seat with the same hand. Per tab, so two tabs can be two villagers.
 */
const TOKEN_KEY = "bangun-desa.reconnect";

export function readStoredToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function storeToken(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // No storage (private mode): a reload then starts from the join screen.
  }
}

/**
 * A practice seat's own key, kept with its room id in sessionStorage: when the server restarted
 * (the reconnection token is then unknown), joining the room again with it returns the same seat.
 */
const SEAT_KEY = "bangun-desa.kursi";

export interface PracticeSeat {
  roomId: string;
  seatKey: string;
  name: string;
}

export function readPracticeSeat(): PracticeSeat | null {
  try {
    const raw = sessionStorage.getItem(SEAT_KEY);
    const seat = raw ? (JSON.parse(raw) as Partial<PracticeSeat>) : null;
    return typeof seat?.roomId === "string" && typeof seat.seatKey === "string"
      ? { roomId: seat.roomId, seatKey: seat.seatKey, name: typeof seat.name === "string" ? seat.name : "" }
      : null;
  } catch {
    return null;
  }
}

export function storePracticeSeat(seat: PracticeSeat | null): void {
  try {
    if (seat) sessionStorage.setItem(SEAT_KEY, JSON.stringify(seat));
    else sessionStorage.removeItem(SEAT_KEY);
  } catch {
    // No storage: after a server restart the student starts again from the join screen.
  }
}

/** A new random seat key (128 bits, URL-safe). */
export function newSeatKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}
