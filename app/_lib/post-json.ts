// JSON POSTs to the plain auth routes, with their error body turned into the same shape forms read from tRPC errors.

export class RouteError extends Error {
  constructor(message: string, public readonly data: { fieldErrors?: Record<string, string[]> }) {
    super(message);
  }
}

export async function postJson(url: string, body: unknown): Promise<{ ok: boolean; status: number; error?: RouteError }> {
  try {
    const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    if (response.ok) return { ok: true, status: response.status };
    const payload = (await response.json().catch(() => null)) as { error?: { message?: string; details?: { fieldErrors?: Record<string, string[]> } } } | null;
    const message = payload?.error?.message ?? `Request failed with status ${response.status}.`;
    return { ok: false, status: response.status, error: new RouteError(message, { fieldErrors: payload?.error?.details?.fieldErrors }) };
  } catch {
    return { ok: false, status: 0, error: new RouteError("Network error: check your connection and try again.", {}) };
  }
}
