// The console's client of the public API. The bearer token from the login route is kept in
// sessionStorage (gone when the tab closes) and sent as Authorization: Bearer; the console sets no
// cookie, so a request from another site carries no credential and there is nothing to forge (no CSRF).
import { ApiError, problemOf } from '/webchat/api.js';

export { ApiError };

const TokenKey = 'concierge.console.token';

// The signed-in user's claims (role, username, tenant_id), or null when signed out or expired.
// Read only to shape the page (which menus to show): the API checks the token on every call.
export function currentUser() {
  const token = sessionStorage.getItem(TokenKey);
  if (!token) return null;
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const padded = part + '='.repeat((4 - (part.length % 4)) % 4);
    const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(padded), (c) => c.charCodeAt(0))));
    if (typeof claims.exp === 'number' && claims.exp * 1000 <= Date.now()) {
      signOut();
      return null;
    }
    return { role: String(claims.role || ''), username: String(claims.username || ''), tenant: String(claims.tenant_id || '') };
  } catch {
    signOut();
    return null;
  }
}

export async function signIn(username, password) {
  const response = await fetch('/api/v1/login/access-token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({ username, password }),
  });
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  const body = await response.json();
  sessionStorage.setItem(TokenKey, body.access_token);
  return currentUser();
}

export function signOut() {
  sessionStorage.removeItem(TokenKey);
}

// A query string from an object, leaving out empty values.
export function query(values) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values || {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

// One API call: JSON in (json) or a FormData (form), JSON out. A 401 (the token expired or its user
// was deleted) signs out and sends the page back to sign-in; any other failure is an ApiError
// carrying the problem document (detail, field).
export async function api(path, { method = 'GET', json, form } = {}) {
  const headers = { accept: 'application/json' };
  const token = sessionStorage.getItem(TokenKey);
  if (token) headers.authorization = `Bearer ${token}`;
  let body;
  if (json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (form) {
    body = form;
  }
  const response = await fetch(path, { method, headers, body });
  if (response.status === 401) {
    signOut();
    window.dispatchEvent(new Event('console:signed-out'));
    throw new ApiError(401, await problemOf(response));
  }
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  if (response.status === 204) return null;
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

export const segment = (value) => encodeURIComponent(String(value));
