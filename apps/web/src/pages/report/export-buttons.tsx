import { downloadText } from '../../lib/download.ts';

/** What a report exports as: each is made only when its button is pressed. */
export interface ReportFiles {
  fileName: (extension: 'md' | 'json') => string;
  markdown: () => string;
  json: () => string;
}

/** Markdown, JSON and Print / PDF: the same three for a solo report and a peer report. */
export function ExportButtons({ files }: { files: ReportFiles }) {
  return (
    <fieldset className="report__actions">
      <legend className="visually-hidden">Export the report</legend>
      <button
        type="button"
        className="button button--small"
        onClick={() => downloadText(files.fileName('md'), files.markdown(), 'text/markdown')}
      >
        Markdown
      </button>
      <button
        type="button"
        className="button button--small"
        onClick={() => downloadText(files.fileName('json'), files.json(), 'application/json')}
      >
        JSON
      </button>
      <button type="button" className="button button--small" onClick={() => window.print()}>
        Print / PDF
      </button>
    </fieldset>
  );
}
