export interface LinePoint {
  /** Position along the x axis (chronological rank). */
  x: number;
  y: number;
  title: string;
}

export interface LineSeries {
  key: string;
  label: string;
  points: LinePoint[];
}

const W = 640;
const H = 240;
const PAD = { left: 34, right: 14, top: 12, bottom: 26 };

/** Lines on a 0..100 scale, one colour per series (up to six, then repeating). */
export function LineChart({
  series,
  xCount,
  xLabels,
  label,
}: {
  series: LineSeries[];
  xCount: number;
  xLabels: { x: number; text: string }[];
  label: string;
}) {
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const px = (x: number) => PAD.left + (xCount <= 1 ? innerW / 2 : (x / (xCount - 1)) * innerW);
  const py = (y: number) => PAD.top + (1 - Math.max(0, Math.min(100, y)) / 100) * innerH;
  return (
    <svg className="chart chart--line" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      {[0, 25, 50, 75, 100].map((tick) => (
        <g key={tick}>
          <line className="chart__grid" x1={PAD.left} x2={W - PAD.right} y1={py(tick)} y2={py(tick)} />
          <text className="chart__tick" x={PAD.left - 6} y={py(tick) + 4} textAnchor="end">
            {tick}
          </text>
        </g>
      ))}
      {xLabels.map((l) => (
        <text key={l.x} className="chart__tick" x={px(l.x)} y={H - 6} textAnchor="middle">
          {l.text}
        </text>
      ))}
      {series.map((s, i) => (
        <g key={s.key} className={`series series--${(i % 6) + 1}`}>
          {s.points.length > 1 && (
            <polyline
              className="series__line"
              points={s.points.map((p) => `${px(p.x)},${py(p.y)}`).join(' ')}
            />
          )}
          {s.points.map((p) => (
            <circle key={p.x} className="series__dot" cx={px(p.x)} cy={py(p.y)} r={4}>
              <title>{p.title}</title>
            </circle>
          ))}
        </g>
      ))}
    </svg>
  );
}

export function Legend({ series }: { series: LineSeries[] }) {
  return (
    <ul className="legend-list">
      {series.map((s, i) => (
        <li key={s.key} className={`series series--${(i % 6) + 1}`}>
          <span className="legend-list__swatch" aria-hidden="true" />
          {s.label}
        </li>
      ))}
    </ul>
  );
}
