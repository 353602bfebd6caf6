import type { ReactNode } from 'react';

export function PageTitle({ title, sub, extra }: { title: ReactNode; sub?: ReactNode; extra?: ReactNode }) {
  return (
    <div className="page-title">
      <h1>
        {title}
        {sub && <span className="page-sub">{sub}</span>}
      </h1>
      {extra && <div>{extra}</div>}
    </div>
  );
}
