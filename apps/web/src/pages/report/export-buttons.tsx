import type { Report, Turn } from '@mlsd/protocol';
import { downloadText } from '../../lib/download.ts';
import { reportFileName, reportToJson, reportToMarkdown } from '../../lib/report-markdown.ts';

export function ExportButtons({ report, transcript }: { report: Report; transcript: Turn[] }) {
  return (
    <fieldset className="report__actions">
      <legend className="visually-hidden">Export the report</legend>
      <button
        type="button"
        className="button button--small"
        onClick={() =>
          downloadText(reportFileName(report, 'md'), reportToMarkdown(report, transcript), 'text/markdown')
        }
      >
        Markdown
      </button>
      <button
        type="button"
        className="button button--small"
        onClick={() =>
          downloadText(reportFileName(report, 'json'), reportToJson(report, transcript), 'application/json')
        }
      >
        JSON
      </button>
      <button type="button" className="button button--small" onClick={() => window.print()}>
        Print / PDF
      </button>
    </fieldset>
  );
}
