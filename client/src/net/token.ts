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
