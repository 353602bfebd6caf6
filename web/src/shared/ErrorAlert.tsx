import { Alert, Button } from 'antd';
import { ApiError, errorMessage } from '../api/client';

/** An error from the server, in Chinese, with its field issues listed and an optional retry. */
export function ErrorAlert({ error, onRetry, showIssues = true }: { error: unknown; onRetry?: () => void; showIssues?: boolean }) {
  if (!error) return null;
  const issues = showIssues && error instanceof ApiError ? error.issues : [];
  return (
    <Alert
      type="error"
      showIcon
      title={errorMessage(error)}
      description={
        issues.length > 1 ? (
          <ul className="issue-list">
            {issues.map((i, k) => (
              <li key={k}>
                {i.label ?? i.field}：{i.message}
              </li>
            ))}
          </ul>
        ) : undefined
      }
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            重试
          </Button>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
      data-testid="error-alert"
    />
  );
}
