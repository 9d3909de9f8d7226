import { useEffect, useRef } from 'react';

/** "End the interview?" as a modal dialog: focus is trapped and Escape cancels. */
export function EndDialog({
  open,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="end-title" onClose={onCancel}>
      <h2 id="end-title">End the interview now?</h2>
      <p>
        The report is built from what you have said so far. Steps you have not reached score zero. You cannot
        continue afterwards.
      </p>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onCancel}>
          Keep going
        </button>
        <button type="button" className="button button--danger" onClick={onConfirm}>
          End and see report
        </button>
      </div>
    </dialog>
  );
}
