// The typed fetch client: JSON in and out, the session cookie, and one error type carrying the
// server's Chinese message and field issues ({error:{code,message,issues?}}).

export interface FieldIssue {
  /** dotted path, e.g. 'family.2.birthMonth' */
  field: string;
  label?: string;
  message: string;
  row?: number;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: FieldIssue[];
  constructor(status: number, code: string, message: string, issues: FieldIssue[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.issues = issues;
  }
}

/** The Chinese message to show for any error a request or a component may throw. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof TypeError) return '无法连接服务器，请检查网络后重试';
  if (err instanceof Error && /[\u4e00-\u9fa5]/.test(err.message)) return err.message;
  return '操作失败，请稍后重试';
}

type Query = Record<string, string | number | boolean | null | undefined | (string | number)[]>;

let unauthorizedHandler: ((message: string) => void) | null = null;

/** The auth context registers what happens when a session ends (401 on any call but login). */
export function onUnauthorized(handler: ((message: string) => void) | null) {
  unauthorizedHandler = handler;
}

export function buildQuery(query?: Query): string {
  if (!query) return '';
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) v.forEach((x) => p.append(k, String(x)));
    else p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** a raw body (e.g. a photo) sent as is with its own content type */
  raw?: Blob;
  signal?: AbortSignal;
}

async function request<T>(method: string, url: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.raw) {
    body = opts.raw;
    headers['Content-Type'] = opts.raw.type || 'application/octet-stream';
  } else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['Content-Type'] = 'application/json';
  }
  const res = await fetch(url + buildQuery(opts.query), { method, headers, body, credentials: 'same-origin', signal: opts.signal });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) {
    const e = (data as { error?: { code?: string; message?: string; issues?: FieldIssue[] } } | undefined)?.error;
    const err = new ApiError(res.status, e?.code ?? `HTTP_${res.status}`, e?.message ?? fallbackMessage(res.status), e?.issues ?? []);
    if (res.status === 401 && !url.startsWith('/api/auth/')) unauthorizedHandler?.(err.message);
    throw err;
  }
  return data as T;
}

function fallbackMessage(status: number): string {
  if (status === 404) return '未找到所请求的内容';
  if (status === 403) return '没有权限执行此操作';
  if (status === 401) return '请先登录';
  if (status === 413) return '上传内容超过大小限制';
  if (status >= 500) return '服务器内部错误，请联系系统管理员';
  return `请求失败（${status}）`;
}

export const api = {
  get: <T>(url: string, query?: Query, signal?: AbortSignal) => request<T>('GET', url, { query, signal }),
  post: <T>(url: string, body?: unknown) => request<T>('POST', url, { body: body ?? {} }),
  put: <T>(url: string, body?: unknown) => request<T>('PUT', url, { body: body ?? {} }),
  patch: <T>(url: string, body?: unknown) => request<T>('PATCH', url, { body: body ?? {} }),
  del: <T>(url: string) => request<T>('DELETE', url),
  putRaw: <T>(url: string, raw: Blob) => request<T>('PUT', url, { raw }),
};
