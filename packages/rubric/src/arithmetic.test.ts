import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import {
  type ArithmeticFinding,
  caseTextFields,
  checkArithmetic,
  formatNumber,
  lintArithmetic,
  type TextField,
} from './arithmetic.ts';
import { loadRubrics } from './load.ts';
import { extractQuantities } from './quantities.ts';
import { CaseStudy } from './schema.ts';

const one = (text: string) => {
  const found = extractQuantities(text);
  expect(found.length, `quantities in "${text}"`).toBeGreaterThan(0);
  return found[0]!;
};

/** One fact per text, like a case's facts. */
const facts = (...texts: string[]): TextField[] =>
  texts.map((text, index) => ({
    path: ['facts', index, 'answer'],
    label: `facts.f${index}`,
    text,
    group: 'world',
  }));

const rules = (findings: ArithmeticFinding[], rule: ArithmeticFinding['rule']) =>
  findings.filter((finding) => finding.rule === rule);

describe('extractQuantities: number forms', () => {
  it.each([
    ['150,000 requests', 150_000],
    ['1.5 million users', 1_500_000],
    ['5 billion impressions', 5e9],
    ['600M images', 600e6],
    ['2.5k queries', 2_500],
    ['4M orders', 4e6],
    ['3B estimates', 3e9],
    ['three million uploads', 3e6],
    ['a million events', 1e6],
  ])('%s', (text, value) => {
    const q = one(text);
    expect(q.kind).toBe('count');
    expect(q.value).toBe(value);
  });

  it('reads percentages and "N in M" as shares', () => {
    expect(one('0.08% of transactions')).toMatchObject({
      kind: 'percent',
      value: 0.08,
      ofNoun: 'transaction',
    });
    expect(one('about 12 percent of users')).toMatchObject({ kind: 'percent', value: 12 });
    expect(one('3 in 100 clicks')).toMatchObject({ kind: 'percent', value: 3 });
    expect(one('5 in every 10,000 views').value).toBeCloseTo(0.05);
    expect(one('35-45% of listings')).toMatchObject({ kind: 'percent', low: 35, high: 45 });
  });

  it('reads vague amounts as ranges', () => {
    expect(one('a few thousand images per second')).toMatchObject({ low: 2_000, high: 9_000, approx: true });
    expect(one('several million rows')).toMatchObject({ low: 3e6, high: 9e6 });
    expect(one('tens of millions of cards')).toMatchObject({ low: 1e7, high: 9e7 });
    expect(one('300 to 500 candidate ads')).toMatchObject({ low: 300, high: 500, noun: 'ad' });
  });

  it('marks approximate numbers', () => {
    expect(one('about 5 billion ad impressions').approx).toBe(true);
    expect(one('roughly 20,000 a day').approx).toBe(true);
    expect(one('5 billion ad impressions').approx).toBe(false);
  });

  it('skips what is no quantity', () => {
    expect(extractQuantities('p99 latency on A10 GPUs with fp16')).toEqual([]);
    expect(extractQuantities('a 13,312 x 6,656 image').map((q) => q.text)).toEqual([]);
    expect(extractQuantities('a 2-hop neighbourhood, capped at 3.0x')).toEqual([]);
    expect(extractQuantities('a logistic regression from 2019')).toEqual([]);
  });

  it('tells money and measurements from counts', () => {
    expect(one('$1.20 per GPU-hour')).toMatchObject({ kind: 'money', perUnit: 'gpu-hour' });
    expect(one('30 ms at p99').measure).toBe(true);
    expect(one('460 GPU-hours')).toMatchObject({ noun: 'gpu-hour', measure: true });
    expect(one('100 GPU hours a day')).toMatchObject({ noun: 'gpu-hour', period: 'day' });
  });
});

describe('extractQuantities: counted nouns and periods', () => {
  it.each([
    ['150,000 requests per second', 'second', 'request'],
    ['300 images/s', 'second', 'image'],
    ['5 billion impressions a day', 'day', 'impression'],
    ['25 million authorizations per day', 'day', 'authorization'],
    ['4M orders daily', 'day', 'order'],
    ['25 million panoramas a month', 'month', 'panorama'],
    ['1,000 uploads per hour', 'hour', 'upload'],
    ['2 million bookings a week', 'week', 'booking'],
    ['50,000 searches a minute', 'minute', 'search'],
    ['8,000 QPS', 'second', 'qps'],
    ['8M new members sign up each month', 'month', 'member'],
    ['2 million are removed every day', 'day', undefined],
  ])('%s', (text, period, noun) => {
    const q = one(text);
    expect(q.period).toBe(period);
    expect(q.noun).toBe(noun);
  });

  it('takes the head of the noun phrase and keeps its modifiers', () => {
    expect(one('5 billion ad impressions a day')).toMatchObject({
      noun: 'impression',
      nouns: ['ad', 'impression'],
    });
    expect(one('400 text or image decisions a day').noun).toBe('decision');
  });

  it('does not read "daily active users" or "a second order" as periods', () => {
    const users = one('300 million daily active users');
    expect(users.noun).toBe('user');
    expect(users.period).toBeUndefined();
    expect(one('20 orders batched with a second order').period).toBeUndefined();
  });

  it('reads throughput per GPU and per item', () => {
    expect(one('60 tiles per second per GPU')).toMatchObject({
      noun: 'tile',
      period: 'second',
      perGpu: true,
    });
    expect(one('2,000 images/s per GPU')).toMatchObject({ period: 'second', perGpu: true });
    expect(one('120 tiles per panorama')).toMatchObject({ noun: 'tile', perUnit: 'panorama' });
  });

  it('gives elliptical numbers the noun and period of the sentence', () => {
    const [average, peak, holiday] = extractQuantities(
      'Average load is around 300 transactions per second, peaking at 1,500 on normal days and about 4,000 on Black Friday.',
    );
    expect(average).toMatchObject({ noun: 'transaction', period: 'second', role: 'average' });
    expect(peak).toMatchObject({ noun: 'transaction', period: 'second', role: 'peak', inherited: true });
    expect(holiday).toMatchObject({ noun: 'transaction', period: 'second' });
    expect(one('Ad requests peak at 150,000 per second.')).toMatchObject({
      noun: 'request',
      period: 'second',
      role: 'peak',
    });
  });

  it('tells the average from the peak', () => {
    const [, average, peak] = extractQuantities(
      'About 500 million posts a day. That is about 6,000 posts per second on average and 15,000 at peak.',
    );
    expect(average?.role).toBe('average');
    expect(peak?.role).toBe('peak');
  });

  it('reads conversion names and stated totals of shares', () => {
    const share = extractQuantities(
      'Impression-to-registration is around 0.3%, which is about 900,000 a day.',
    )[0];
    expect(share).toMatchObject({ ofNoun: 'impression', toNoun: 'registration' });
    const [pct, total] = extractQuantities('2% of 10 million users are inactive');
    expect(pct?.ofIndex).toBe(1);
    expect(total?.value).toBe(10e6);
  });
});

describe('checkArithmetic (a): volume and rate', () => {
  it('accepts a peak above the average and an average within 30%', () => {
    const findings = checkArithmetic(
      facts(
        'About 500 million new posts a day. That is about 6,000 posts per second on average and 15,000 at peak.',
        'About 25 million authorizations a day. Average load is around 300 transactions per second, peaking at 1,500.',
      ),
    );
    expect(findings).toEqual([]);
  });

  it('flags a peak below the average', () => {
    const [finding, ...rest] = checkArithmetic(
      facts('About 5 billion ad impressions a day. Ad impressions peak at 15,000 per second.'),
    );
    expect(rest).toEqual([]);
    expect(finding?.rule).toBe('rate');
    expect(finding?.message).toBe(
      '5 billion ad impressions a day is 57,870 per second on average, but the peak is stated as "15,000 per second" (below the average)',
    );
  });

  it('flags a stated average more than 30% off daily / 86,400', () => {
    const findings = checkArithmetic(
      facts('About 250 million searches a day: roughly 6,000 queries per second on average.'),
    );
    expect(rules(findings, 'rate')).toHaveLength(1);
    expect(findings[0]?.message).toContain('2,894 per second on average');
  });

  it('flags a peak more than 20x the average, in one field', () => {
    const findings = checkArithmetic(
      facts('About 1 million orders a day, peaking at 900 orders per second.'),
    );
    expect(findings[0]?.message).toMatch(/times the average \(more than 20x\)/);
  });

  it('relates facts to each other but not to a curveball', () => {
    const fields: TextField[] = [
      ...facts('About 3B estimates a day.', 'Estimates peak near 20,000 per second at dinner.'),
      {
        path: ['curveballs', 0, 'text'],
        label: 'cb',
        text: 'Peak estimates fall to 10,000 per second.',
        group: 'cb',
        isolated: true,
      },
    ];
    const findings = checkArithmetic(fields);
    expect(findings.map((f) => f.field.label)).toEqual(['facts.f1']);
    expect(findings[0]?.message).toContain('(facts.f0)');
  });

  it('does not compare different things', () => {
    expect(
      checkArithmetic(facts('About 5 billion ad impressions a day. Ad requests peak at 15,000 per second.')),
    ).toEqual([]);
    expect(
      checkArithmetic(
        facts('About 1.5 million bad posts daily.', 'That is about 6,000 posts per second on average.'),
      ),
    ).toEqual([]);
  });

  it('checks one volume stated over two periods', () => {
    expect(checkArithmetic(facts('About 25 million panoramas a month, roughly 830,000 a day.'))).toEqual([]);
    const findings = checkArithmetic(facts('About 25 million panoramas a month, roughly 2 million a day.'));
    expect(rules(findings, 'periods')).toHaveLength(1);
  });
});

describe('checkArithmetic (b): parts and totals', () => {
  it('accepts parts that add up to the stated total', () => {
    const text =
      'About 4 million documents: 300,000 wiki pages, 2.5 million files, 1 million support tickets and 200,000 PDFs. In total roughly 6 billion tokens of text.';
    expect(checkArithmetic(facts(text))).toEqual([]);
  });

  it('flags a colon list that does not add up', () => {
    const findings = checkArithmetic(
      facts('About 4 million documents: 300,000 wiki pages, 1.5 million files and 200,000 PDFs.'),
    );
    expect(rules(findings, 'parts')).toHaveLength(1);
    expect(findings[0]?.message).toContain('add up to 2 million');
  });

  it('flags an "in total" that does not add up', () => {
    const ok =
      'We host 300,000 wiki pages, 2.5 million files and 1 million tickets. In total about 3.8 million files.';
    expect(checkArithmetic(facts(ok))).toEqual([]);
    const bad =
      'We host 300,000 wiki pages, 2.5 million files and 1 million tickets. In total about 9 million files.';
    expect(rules(checkArithmetic(facts(bad)), 'parts')).toHaveLength(1);
  });

  it('checks "N people each do M, so T in total"', () => {
    const ok =
      'A team of 150 people who each check about 2,000 image crops a day, so roughly 300,000 crops a day in total.';
    expect(checkArithmetic(facts(ok))).toEqual([]);
    const bad =
      'A team of 150 people who each check about 2,000 image crops a day, so roughly 900,000 crops a day in total.';
    expect(rules(checkArithmetic(facts(bad)), 'product')).toHaveLength(1);
    const colon = (total: string) =>
      `About 900 trained reviewers, covering 18 languages, each making about 400 decisions a day: roughly ${total} decisions a day in total.`;
    expect(checkArithmetic(facts(colon('360,000')))).toEqual([]);
    expect(rules(checkArithmetic(facts(colon('36,000'))), 'product')).toHaveLength(1);
  });
});

describe('checkArithmetic (c): share and count', () => {
  it('accepts a count that matches its share of the total', () => {
    expect(checkArithmetic(facts('2% of 10 million users are inactive, about 200,000.'))).toEqual([]);
    expect(
      checkArithmetic(
        facts(
          'About 25 million authorizations a day.',
          'About 0.08% of transactions by count are fraud attempts, roughly 20,000 a day.',
        ),
      ),
    ).toEqual([]);
    expect(
      checkArithmetic(
        facts(
          'Roughly 300 million impressions a day. Impression-to-registration is around 0.3%, which is about 900,000 registrations a day.',
        ),
      ),
    ).toEqual([]);
  });

  it('flags a count that disagrees with its share', () => {
    const [finding] = checkArithmetic(facts('2% of 10 million users are inactive, about 500,000.'));
    expect(finding?.rule).toBe('share');
    expect(finding?.message).toBe(
      '2% of 10 million users is 200,000, but the count is stated as "500,000" (more than 25% off)',
    );
    const findings = checkArithmetic(
      facts(
        'About 25 million authorizations a day.',
        'About 0.08% of transactions by count are fraud attempts, roughly 60,000 a day.',
      ),
    );
    expect(rules(findings, 'share')).toHaveLength(1);
  });

  it('ignores bounds and totals of something else', () => {
    expect(
      checkArithmetic(
        facts(
          'About 7 million listings. The ten largest markets hold 12% of listings; most have fewer than 500.',
        ),
      ),
    ).toEqual([]);
  });
});

describe('checkArithmetic (d): throughput and work', () => {
  const paragraph = (hours: string) =>
    `At about 120 tiles per panorama and 60 tiles per second per GPU, each panorama takes about 2 GPU-seconds, so 830,000 a day is about ${hours} GPU-hours.`;

  it('accepts GPU-hours within a factor of 3 of items / throughput', () => {
    expect(checkArithmetic(facts(paragraph('460')))).toEqual([]);
    const frames =
      'Sampling one frame per second gives 720 million frames; an encoder at a few thousand frames per second per GPU needs around 100 GPU-hours daily.';
    expect(checkArithmetic(facts(frames))).toEqual([]);
  });

  it('flags GPU-hours more than 3x off', () => {
    const [finding] = checkArithmetic(facts(paragraph('4,600')));
    expect(finding?.rule).toBe('throughput');
    expect(finding?.message).toContain('is about 461 GPU-hours');
    const frames =
      'Sampling one frame per second gives 720 million frames; an encoder at 2,000 frames per second per GPU needs around 10 GPU-hours daily.';
    expect(rules(checkArithmetic(facts(frames)), 'throughput')).toHaveLength(1);
  });
});

describe('checkArithmetic (e): a figure restated elsewhere', () => {
  const point = (text: string): TextField => ({
    path: ['steps', 'serving', 'points', 0, 'strong'],
    label: 'steps.serving.load.strong',
    text,
    group: 'steps.serving.load',
  });
  const traffic = 'About 600 requests per second on average and 2,000 at the Friday-evening peak.';

  it('accepts the same peak in a point', () => {
    expect(
      checkArithmetic([...facts(traffic), point('The module peaks at 2,000 QPS with 150 ms to spare.')]),
    ).toEqual([]);
  });

  it('flags a point that states another peak', () => {
    const findings = checkArithmetic([
      ...facts(traffic),
      point('The module peaks at 8,000 requests per second.'),
    ]);
    expect(findings.map((f) => [f.rule, f.field.label])).toEqual([['restated', 'steps.serving.load.strong']]);
    expect(findings[0]?.message).toContain('stated in facts.f0');
  });

  it('does not flag a figure that matches another world figure', () => {
    const volume =
      'Around 300 transactions per second, peaking at 1,500 on normal days and about 4,000 on Black Friday.';
    expect(checkArithmetic([...facts(volume), point('At a peak of 4,000 transactions per second.')])).toEqual(
      [],
    );
  });
});

describe('formatNumber', () => {
  it('formats like the messages', () => {
    expect(formatNumber(57_870.37)).toBe('57,870');
    expect(formatNumber(1_100_000)).toBe('1.1 million');
    expect(formatNumber(5e9)).toBe('5 billion');
    expect(formatNumber(0.08)).toBe('0.08');
  });
});

describe('on loaded rubrics (as `mlsd rubrics check` runs it)', () => {
  it('reports findings as located warnings that do not stop loading', () => {
    const source = fileURLToPath(new URL('../../../rubrics', import.meta.url));
    const dir = mkdtempSync(join(tmpdir(), 'mlsd-arithmetic-'));
    try {
      cpSync(join(source, 'framework.yaml'), join(dir, 'framework.yaml'));
      mkdirSync(join(dir, 'cases'));
      const study = parse(readFileSync(join(source, 'cases', 'ad-click-prediction.yaml'), 'utf8'));
      const traffic = study.facts.find((fact: { id: string }) => fact.id === 'traffic');
      traffic.answer = 'About 5 billion ad impressions a day. Ad impressions peak at 15,000 per second.';
      writeFileSync(join(dir, 'cases', 'ad-click-prediction.yaml'), stringify(study));
      const loaded = loadRubrics(dir);
      if (!loaded.ok) throw new Error(loaded.issues.map((issue) => issue.message).join('\n'));
      const found = [...loaded.value.cases]
        .flatMap(([id, study]) => lintArithmetic(study, loaded.value.paths.get(id) ?? id, id))
        .filter((issue) => issue.message.includes('per second on average'));
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({
        severity: 'warning',
        field: expect.stringMatching(/^facts\.\d+\.answer$/),
      });
      expect(found[0]!.line).toBeGreaterThan(1);
      expect(found[0]!.message).toBe(
        'facts.traffic: 5 billion ad impressions a day is 57,870 per second on average, but the peak is stated as "15,000 per second" (below the average)',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the real cases', () => {
  const casesDir = fileURLToPath(new URL('../../../rubrics/cases', import.meta.url));
  const files = readdirSync(casesDir).filter((name) => /\.ya?ml$/.test(name));

  it('runs on every case without throwing and prints its findings (warnings, not failures)', () => {
    let total = 0;
    let checked = 0;
    for (const name of files.sort()) {
      const file = join(casesDir, name);
      // Other authors edit cases concurrently: a case that does not parse is the schema's business.
      const parsed = CaseStudy.safeParse(parse(readFileSync(file, 'utf8')));
      if (!parsed.success) continue;
      checked++;
      const issues = lintArithmetic(parsed.data, file, `rubrics/cases/${name}`);
      for (const issue of issues) {
        expect(issue.severity).toBe('warning');
        console.log(`${issue.file}:${issue.line}:${issue.column} ${issue.message}`);
      }
      total += issues.length;
      expect(caseTextFields(parsed.data).length).toBeGreaterThan(10);
    }
    console.log(`${total} arithmetic warning(s) in ${checked} case(s)`);
    expect(checked).toBeGreaterThan(0);
  });
});
