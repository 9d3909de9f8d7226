import { type SessionSummary, STEP_IDS } from '@mlsd/protocol';
import { useState } from 'react';
import { type Metric, scoreSeries, sessionsMissing } from '../../lib/history-stats.ts';
import { Legend, LineChart, type LineSeries } from './line-chart.tsx';

const STEP_NAMES: Record<string, string> = {
  requirements: 'Requirements',
  framing: 'Framing',
  data: 'Data',
  model: 'Model',
  evaluation: 'Evaluation',
  serving: 'Serving',
  monitoring: 'Monitoring',
};

const shortDate = (at: number) =>
  new Date(at).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
const shortTime = (at: number) =>
  new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

/** First and last attempt; by time of day when they fall on the same date. */
function axisLabels(times: number[]): { x: number; text: string }[] {
  const first = times[0];
  const last = times.at(-1);
  if (first === undefined || last === undefined) return [];
  if (times.length === 1) return [{ x: 0, text: shortDate(first) }];
  const sameDay = shortDate(first) === shortDate(last);
  const label = (at: number) => (sameDay ? shortTime(at) : shortDate(at));
  return [
    { x: 0, text: label(first) },
    { x: times.length - 1, text: label(last) },
  ];
}

/** Score over time, one line per case, for the overall score or one step. */
export function ScoreChart({ sessions }: { sessions: SessionSummary[] }) {
  const [metric, setMetric] = useState<Metric>('overall');
  const raw = scoreSeries(sessions, metric);
  // Equal spacing by attempt reads better than real time when sessions cluster on one evening.
  const times = [...new Set(raw.flatMap((s) => s.points.map((p) => p.at)))].sort((a, b) => a - b);
  const rank = new Map(times.map((t, i) => [t, i]));
  // A case tried at two levels draws two lines; the legend then names the level.
  const mixed = new Set(raw.map((s) => s.level)).size > 1;
  const series: LineSeries[] = raw.map((s) => ({
    key: s.key,
    label: mixed ? `${s.caseTitle} (${s.level})` : s.caseTitle,
    points: s.points.map((p) => ({
      x: rank.get(p.at) ?? 0,
      y: p.score,
      title: `${s.caseTitle} at ${s.level} level, ${shortDate(p.at)}: ${Math.round(p.score)}`,
    })),
  }));
  const xLabels = axisLabels(times);
  const metricName = metric === 'overall' ? 'overall score' : `${STEP_NAMES[metric]} score`;
  const missing = metric === 'overall' ? 0 : sessionsMissing(sessions, metric);

  return (
    <figure className="card chart-card history-chart">
      <div className="chart-card__head">
        <figcaption>Score over time</figcaption>
        <label className="field field--inline">
          <span className="field__label">Show</span>
          <select value={metric} onChange={(e) => setMetric(e.target.value as Metric)}>
            <option value="overall">Overall</option>
            {STEP_IDS.map((id) => (
              <option key={id} value={id}>
                {STEP_NAMES[id]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {series.length === 0 ? (
        <p className="empty">No scored interviews for this yet.</p>
      ) : (
        <>
          <LineChart
            series={series}
            xCount={times.length}
            xLabels={xLabels}
            label={`${metricName} over time: ${series.map((s) => `${s.label} ${s.points.map((p) => Math.round(p.y)).join(', ')}`).join('; ')}`}
          />
          <Legend series={series} />
        </>
      )}
      {missing > 0 && (
        <p className="muted small">
          {missing === 1 ? '1 interview' : `${missing} interviews`} did not reach this step; unreached steps
          are not plotted or averaged.
        </p>
      )}
    </figure>
  );
}

export function stepName(id: string): string {
  return STEP_NAMES[id] ?? id;
}
