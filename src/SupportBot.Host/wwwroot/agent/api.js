// The console's server API (/agent/api): JSON in and out, errors as ApiError with the server's ProblemDetails text.

const API = '/agent/api';

export class ApiError extends Error {
  /** network: the request may not have arrived (no answer, or a gateway's 502/503/504), so a retry can help. */
  constructor(status, detail, network = false) {
    super(detail);
    this.status = status;
    this.network = network;
  }
}

export async function api(method, path, body) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(API + path, init);
  } catch {
    throw new ApiError(0, 'Could not reach the server. Check your connection and try again.', true);
  }
  const text = await response.text().catch(() => '');
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = null; }
  }
  if (!response.ok) {
    const detail = (data && (data.detail || data.title)) || `The server answered ${response.status} ${response.statusText}`.trim();
    throw new ApiError(response.status, detail, response.status === 502 || response.status === 503 || response.status === 504);
  }
  return data;
}

/** The live notices (server-sent events: "queue" and "message"). */
export function openEvents() {
  return new EventSource(API + '/events', { withCredentials: true });
}

export const handoffPath = (id, rest = '') => `/handoffs/${encodeURIComponent(id)}${rest}`;
