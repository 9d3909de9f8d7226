import { useState } from 'react';

export type SideTab = 'notes' | 'whiteboard';

/** The side panel's two pads: markdown notes and the whiteboard. */
export function SideTabs({ tab, onTab }: { tab: SideTab; onTab: (tab: SideTab) => void }) {
  return (
    <fieldset className="side-tabs bare-fieldset">
      <legend className="visually-hidden">Pad</legend>
      <button
        type="button"
        className="diagram-pad__tab"
        aria-pressed={tab === 'notes'}
        onClick={() => onTab('notes')}
      >
        Notes
      </button>
      <button
        type="button"
        className="diagram-pad__tab"
        aria-pressed={tab === 'whiteboard'}
        onClick={() => onTab('whiteboard')}
      >
        Whiteboard
      </button>
    </fieldset>
  );
}

/** True from the first time `open` is true: a heavy panel is loaded when first wanted, then kept. */
export function useOpenedOnce(open: boolean): boolean {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened;
}
