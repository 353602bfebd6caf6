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
  /** a multipart body (file uploads); the browser sets the boundary */
  form?: FormData;
  signal?: AbortSignal;
}

async function request<T>(method: string, url: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.form) {
    body = opts.form;
  } else if (opts.raw) {
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
  if (!res.ok) throw failure(res.status, data, url);
  return data as T;
}

/** The ApiError of a failed response (its parsed JSON body, if any); a lost session is reported. */
function failure(status: number, data: unknown, url: string): ApiError {
  const e = (data as { error?: { code?: string; message?: string; issues?: FieldIssue[] } } | undefined)?.error;
  const err = new ApiError(status, e?.code ?? `HTTP_${status}`, e?.message ?? fallbackMessage(status), e?.issues ?? []);
  if (status === 401 && !url.startsWith('/api/auth/')) unauthorizedHandler?.(err.message);
  return err;
}

/** The file name of a Content-Disposition header: the RFC 5987 filename* (UTF-8) first, else filename. */
export function dispositionFileName(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[2].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(header);
  return plain ? (plain[2] ?? plain[1]).trim() : null;
}

/**
 * Download a file with the session cookie and save it under the server's file name. A failure throws
 * an ApiError with the server's Chinese message (the body of an error is JSON, not the file).
 */
export async function downloadFile(url: string, opts: { method?: 'GET' | 'POST'; query?: Query; body?: unknown; fallbackName?: string } = {}) {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = {};
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(url + buildQuery(opts.query), {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    credentials: 'same-origin',
  });
  if (!res.ok) {
    let data: unknown;
    try {
      data = JSON.parse(await res.text());
    } catch {
      data = undefined;
    }
    throw failure(res.status, data, url);
  }
  const blob = await res.blob();
  const name = dispositionFileName(res.headers.get('content-disposition')) ?? opts.fallbackName ?? 'download';
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return { name, size: blob.size };
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
  upload: <T>(url: string, form: FormData, query?: Query) => request<T>('POST', url, { form, query }),
};
