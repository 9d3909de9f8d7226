/** The case brief; a native disclosure so it folds away with the keyboard too. */
export function CasePrompt({ prompt }: { prompt: string }) {
  return (
    <details className="case-prompt" open>
      <summary>Case brief</summary>
      <p className="case-prompt__text">{prompt}</p>
    </details>
  );
}
