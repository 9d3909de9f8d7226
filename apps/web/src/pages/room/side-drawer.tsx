import { type ReactNode, useEffect, useId, useState } from 'react';

/** The room's side panel (notes, or the interviewer's console) and whether it is open as a drawer. */
export interface SideDrawer {
  id: string;
  label: string;
  open: boolean;
  toggle: () => void;
  close: () => void;
}

/**
 * Where the side panel does not fit beside the conversation, CSS turns it into a drawer that this
 * opens and closes; Escape closes it. On a wide screen the panel always shows and none of this is seen.
 */
export function useSideDrawer(label: string): SideDrawer {
  const id = useId();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
  return { id, label, open, toggle: () => setOpen((o) => !o), close: () => setOpen(false) };
}

/** The button in the room's top bar that shows or hides the drawer; hidden by CSS on wide screens. */
export function SideDrawerToggle({ drawer }: { drawer: SideDrawer }) {
  return (
    <button
      type="button"
      className="button button--small room__side-toggle"
      aria-expanded={drawer.open}
      aria-controls={drawer.id}
      onClick={drawer.toggle}
    >
      {drawer.label}
    </button>
  );
}

/** The side panel itself: beside the conversation on a wide screen, a drawer on a narrow one. */
export function SidePanel({
  drawer,
  className = '',
  label,
  children,
}: {
  drawer: SideDrawer;
  className?: string;
  label: string;
  children: ReactNode;
}) {
  return (
    <aside id={drawer.id} className={`room__side ${className}`} aria-label={label}>
      <button type="button" className="button button--small room__side-close" onClick={drawer.close}>
        Close {drawer.label.toLowerCase()}
      </button>
      {children}
    </aside>
  );
}
