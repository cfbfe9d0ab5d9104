import type { FieldError, LocalizedMessage, Problem } from "@cpm/schema";
import type { BodyOf, Endpoint, ParamsOf, QueryOf, ResponseOf } from "@cpm/schema/contract";

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

/** A version from an ETag: `"7"`, `W/"7"` or a detail's `"7.fingerprint"`. */
export function versionOfEtag(etag: string | null): number | null {
  const match = etag ? /^\s*(?:W\/)?"?(\d+)/.exec(etag) : null;
  return match ? Number(match[1]) : null;
}

async function send(path: string, options: RequestOptions = {}): Promise<{ data: unknown; etag: string | null }> {
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
  const etag = res.headers.get("etag");
  if (res.status === 204) return { data: undefined, etag };
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    throw new ApiError(
      res.status,
      data ?? { type: "about:blank", title: res.statusText, status: res.status, detail: res.statusText },
    );
  }
  return { data, etag };
}

type AnyEndpoint = Endpoint<never, unknown, unknown, unknown>;
/** What a call sends: the path's parameters when it has some, the query, the body, the version read. */
export type CallArgs<E extends AnyEndpoint> = (ParamsOf<E> extends undefined
  ? { params?: undefined }
  : { params: ParamsOf<E> }) & { query?: QueryOf<E>; body?: BodyOf<E>; ifMatch?: number };

const pathOf = <E extends AnyEndpoint>(endpoint: E, args: CallArgs<E>) =>
  (endpoint.path as (params: unknown) => string)(args.params) +
  searchParams((args.query ?? {}) as Record<string, string | number | boolean | undefined | null>);

/**
 * Call a route of the API's contract (packages/schema/contract): its answer's type is the zod
 * schema the route declares, with the project's or indicator's new version when the write answers an ETag.
 */
export async function callWithVersion<E extends AnyEndpoint>(
  endpoint: E,
  args: CallArgs<E>,
): Promise<{ data: ResponseOf<E>; version: number | null }> {
  const { data, etag } = await send(pathOf(endpoint, args), {
    method: endpoint.method,
    body: args.body,
    ifMatch: args.ifMatch,
  });
  return { data: data as ResponseOf<E>, version: versionOfEtag(etag) };
}

export const call = async <E extends AnyEndpoint>(endpoint: E, args: CallArgs<E>): Promise<ResponseOf<E>> =>
  (await callWithVersion(endpoint, args)).data;

export const searchParams = (params: Record<string, string | number | boolean | undefined | null>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
};
