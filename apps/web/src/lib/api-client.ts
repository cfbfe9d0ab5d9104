import type { FieldError, LocalizedMessage, Problem } from "@cpm/schema";

/** A refused request: its problem+json, with the field errors to show beside the fields. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem & { currentVersion?: number },
  ) {
    super(problem.detail);
  }
  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? [];
  }
  get localized(): LocalizedMessage {
    return this.problem.message ?? { th: this.problem.title, en: this.problem.detail };
  }
}

let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  /** The version the user read (ETag); the server refuses the write with 412 if it changed since. */
  ifMatch?: number;
}

/** A write right after a page load may come before the session query has brought the CSRF token. */
async function ensureCsrfToken() {
  if (csrfToken !== null) return;
  const res = await fetch("/api/v1/auth/session?optional=true", {
    credentials: "same-origin",
    headers: { accept: "application/json" },
  });
  if (res.status === 200) csrfToken = ((await res.json()) as { csrfToken: string }).csrfToken;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.method && options.method !== "GET" && path !== "/auth/sign-in") await ensureCsrfToken();
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.method && options.method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  if (options.ifMatch !== undefined) headers["if-match"] = `"${options.ifMatch}"`;
  const res = await fetch(`/api/v1${path}`, {
    method: options.method ?? "GET",
    headers,
    credentials: "same-origin",
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    throw new ApiError(
      res.status,
      data ?? { type: "about:blank", title: res.statusText, status: res.status, detail: res.statusText },
    );
  }
  return data as T;
}

export const searchParams = (params: Record<string, string | number | boolean | undefined | null>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
};
