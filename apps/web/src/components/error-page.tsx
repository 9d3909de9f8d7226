import type { ReactNode } from 'react';

/** A full-page explanation with a way out; used instead of ever showing a blank screen. */
export function ErrorPage({
  title,
  children,
  action,
}: {
  title: string;
  children: ReactNode;
  action?: ReactNode;
}) {
  return (
    <section className="error-page" aria-labelledby="error-title">
      <div className="error-page__card">
        <h1 id="error-title">{title}</h1>
        <p>{children}</p>
        <div className="error-page__actions">
          {action}
          <a className="button button--primary" href="#/">
            Back to the case list
          </a>
        </div>
      </div>
    </section>
  );
}
