import type { ReactNode } from 'react';

type Tone = 'info' | 'warn' | 'error';

/** A calm inline message; `onDismiss` adds a close button, `action` a retry or similar. */
export function Notice({
  tone = 'info',
  children,
  action,
  onDismiss,
}: {
  tone?: Tone;
  children: ReactNode;
  action?: ReactNode;
  onDismiss?: () => void;
}) {
  return (
    <div className={`notice notice--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <span className="notice__text">{children}</span>
      {action}
      {onDismiss && (
        <button type="button" className="notice__close" onClick={onDismiss} aria-label="Dismiss">
          ×
        </button>
      )}
    </div>
  );
}
