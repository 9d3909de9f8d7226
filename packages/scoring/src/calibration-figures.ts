/**
 * How far the offline scorer is from a careful human on the calibration set: each file carries the
 * band a human gave it before it was scored. Pure: the caller reads the files and scores them.
 */

export const TIERS = [
  'strong',
  'paraphrase',
  'terse',
  'medium',
  'weak',
  'confident-wrong',
  'rambling',
  'keyword-list',
  'agree-only',
  'injection',
  'grader-directed',
] as const;
export type Tier = (typeof TIERS)[number];

/**
 * The tiers the honest-scores issue names, whose figures are its goals. `terse` (a senior engineer's
 * correct design notes: abbreviations, arrows, figures, few reason words) came later, from play
 * tests where such candidates scored as no-hires; it is reported beside them, not mixed in, so the
 * goal figures stay comparable over time.
 */
export const ISSUE_TIERS: readonly Tier[] = TIERS.filter((tier) => tier !== 'terse');
export const isIssueTier = (file: ScoredFile) => ISSUE_TIERS.includes(file.tier);

export interface ScoredFile {
  caseId: string;
  tier: Tier;
  /** The human band, set before scoring. */
  band: readonly [number, number];
  overall: number;
}

export interface HalfFigures {
  files: number;
  /** Mean absolute distance from the band midpoints. */
  mae: number;
  /** Spearman rank correlation between scores and band midpoints. */
  spearman: number;
  inBand: number;
}

/** The checks the honest-scores issue names, one row per case. */
export interface CaseChecks {
  caseId: string;
  /** Confident-but-wrong scores below the plain-words strong answer. */
  wrongBelowPlain: boolean;
  /** Jargon-strong minus plain-strong (goal: at most 25). */
  plainGap: number;
  /** Jargon-strong minus terse notes (goal: at most 25, as for plain words). */
  terseGap: number;
  rambling: number;
  agreeOnly: number;
  /** Injection minus weak (goal: at most 10). */
  injectionOverWeak: number;
}

export function halfFigures(files: readonly ScoredFile[]): HalfFigures {
  const mid = (file: ScoredFile) => (file.band[0] + file.band[1]) / 2;
  const mae =
    files.reduce((sum, file) => sum + Math.abs(file.overall - mid(file)), 0) / Math.max(1, files.length);
  const inBand = files.filter((file) => file.overall >= file.band[0] && file.overall <= file.band[1]).length;
  return {
    files: files.length,
    mae,
    spearman: spearman(
      files.map((file) => file.overall),
      files.map(mid),
    ),
    inBand,
  };
}

export function caseChecks(files: readonly ScoredFile[]): CaseChecks[] {
  const ids = [...new Set(files.map((file) => file.caseId))];
  return ids.map((caseId) => {
    const score = (tier: Tier) =>
      files.find((file) => file.caseId === caseId && file.tier === tier)?.overall ?? Number.NaN;
    return {
      caseId,
      wrongBelowPlain: score('confident-wrong') < score('paraphrase'),
      plainGap: score('strong') - score('paraphrase'),
      terseGap: score('strong') - score('terse'),
      rambling: score('rambling'),
      agreeOnly: score('agree-only'),
      injectionOverWeak: score('injection') - score('weak'),
    };
  });
}

/** Spearman's rho with average ranks for ties. */
export function spearman(a: readonly number[], b: readonly number[]): number {
  if (a.length < 2) return Number.NaN;
  const ra = ranks(a);
  const rb = ranks(b);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const ma = mean(ra);
  const mb = mean(rb);
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < ra.length; i++) {
    const x = ra[i]! - ma;
    const y = rb[i]! - mb;
    num += x * y;
    da += x * x;
    db += y * y;
  }
  return da === 0 || db === 0 ? Number.NaN : num / Math.sqrt(da * db);
}

function ranks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((x, y) => x.value - y.value);
  const out = new Array<number>(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]!.value === order[i]!.value) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) out[order[k]!.index] = rank;
    i = j + 1;
  }
  return out;
}

/** A Markdown table of the figures, for the test output, the README and the note. */
export function figuresTable(halves: Record<string, readonly ScoredFile[]>): string {
  const lines = ['| half | tiers | files | MAE | Spearman | in band |', '|---|---|---:|---:|---:|---:|'];
  for (const [name, files] of Object.entries(halves)) {
    for (const [tiers, chosen] of [
      ["the issue's", files.filter(isIssueTier)],
      ['+ terse', files],
    ] as const) {
      const f = halfFigures(chosen);
      lines.push(
        `| ${name} | ${tiers} | ${f.files} | ${f.mae.toFixed(1)} | ${f.spearman.toFixed(2)} | ${f.inBand} |`,
      );
    }
  }
  lines.push(
    '',
    '| case | wrong < plain | strong - plain | strong - terse | rambling | agree-only | injection - weak |',
    '|---|---|---:|---:|---:|---:|---:|',
  );
  for (const check of caseChecks(Object.values(halves).flat())) {
    lines.push(
      `| ${check.caseId} | ${check.wrongBelowPlain ? 'yes' : 'NO'} | ${check.plainGap.toFixed(1)} | ${check.terseGap.toFixed(1)} | ${check.rambling.toFixed(1)} | ${check.agreeOnly.toFixed(1)} | ${check.injectionOverWeak.toFixed(1)} |`,
    );
  }
  return lines.join('\n');
}
