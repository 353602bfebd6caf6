// One typed error with a code enum, one code → HTTP status table, one Chinese message per code
// (DESIGN.md practice 7). The edge handler in app.ts turns every error into this shape.

export const ErrorCodes = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  BAD_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_DISABLED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  STALE_VERSION: 409,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ErrorCodes;

export const defaultMessages: Record<ErrorCode, string> = {
  VALIDATION: '提交的数据有误',
  UNAUTHENTICATED: '请先登录',
  BAD_CREDENTIALS: '用户名或密码错误',
  ACCOUNT_LOCKED: '账号已被锁定，请稍后再试',
  ACCOUNT_DISABLED: '账号已停用',
  FORBIDDEN: '没有权限执行此操作',
  NOT_FOUND: '未找到所请求的内容',
  CONFLICT: '数据冲突',
  STALE_VERSION: '该记录已被他人修改，请刷新后重新编辑',
  INTERNAL: '服务器内部错误，请联系系统管理员',
};

/** A problem with one field (and, for tables and imports, one row). */
export interface FieldIssue {
  /** dotted path of the field, e.g. 'family.2.birthMonth' */
  field: string;
  /** Chinese label of the field, e.g. '家庭成员第3行 出生年月' */
  label?: string;
  message: string;
  row?: number;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];
  constructor(code: ErrorCode, message?: string, issues: FieldIssue[] = []) {
    super(message ?? defaultMessages[code]);
    this.code = code;
    this.issues = issues;
  }
  get status(): number {
    return ErrorCodes[this.code];
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `未找到${what}`);

export function validationError(issues: FieldIssue[]): AppError {
  const first = issues[0];
  const head = first ? `${first.label ?? first.field}：${first.message}` : defaultMessages.VALIDATION;
  const more = issues.length > 1 ? `（另有 ${issues.length - 1} 处问题）` : '';
  return new AppError('VALIDATION', head + more, issues);
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; issues?: FieldIssue[] };
}
