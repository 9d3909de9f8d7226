import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  ARCHITECTURE_LIMITS,
  ARCHITECTURES_FOLDER,
  compareArchitecture,
  type DrawnArchitecture,
  loadArchitectures,
  ReferenceArchitecture,
} from './architecture.ts';
import { formatIssue, type RubricIssue } from './locate.ts';

const RUBRICS_DIR = fileURLToPath(new URL('../../../rubrics', import.meta.url));

/** Every case: each has a reference architecture, which the draw-from-memory page needs. */
const CASES = readdirSync(join(RUBRICS_DIR, 'cases'))
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => name.replace(/\.yaml$/, ''));

describe('the shipped reference architectures', () => {
  const caseIds = new Set(
    readdirSync(join(RUBRICS_DIR, 'cases'))
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => name.replace(/\.yaml$/, '')),
  );
  const loaded = loadArchitectures(RUBRICS_DIR, caseIds);

  it('all load without a single problem', () => {
    expect(loaded.ok ? [] : loaded.issues.map(formatIssue)).toEqual([]);
  });

  it('cover every listed case, within the size limits, on both paths', () => {
    if (!loaded.ok) throw new Error('architectures failed to load');
    for (const id of CASES) {
      const architecture = loaded.value.get(id);
      expect(architecture, id).toBeDefined();
      if (!architecture) continue;
      expect(architecture.components.length, id).toBeGreaterThanOrEqual(ARCHITECTURE_LIMITS.minComponents);
      expect(architecture.components.length, id).toBeLessThanOrEqual(ARCHITECTURE_LIMITS.maxComponents);
      expect(architecture.arrows.length, id).toBeGreaterThanOrEqual(ARCHITECTURE_LIMITS.minArrows);
      expect(architecture.arrows.length, id).toBeLessThanOrEqual(ARCHITECTURE_LIMITS.maxArrows);
      const paths = new Set(architecture.components.map((component) => component.path));
      expect([...paths].sort(), id).toEqual(['offline', 'online']);
    }
  });

  it('recognise their own drawing, whichever listed name each box is given', () => {
    if (!loaded.ok) throw new Error('architectures failed to load');
    for (const id of CASES) {
      const architecture = loaded.value.get(id)!;
      for (let variant = 0; variant <= ARCHITECTURE_LIMITS.maxAliases; variant++) {
        const drawn: DrawnArchitecture = {
          nodes: architecture.components.map((component) => ({
            id: `box-${component.id}`,
            label: [component.label, ...component.aliases][variant] ?? component.label,
          })),
          edges: architecture.arrows.map((arrow) => ({ from: `box-${arrow.from}`, to: `box-${arrow.to}` })),
        };
        const result = compareArchitecture(architecture, drawn);
        expect(
          [result.componentShare, result.arrowShare, result.extraNodes],
          `${id} variant ${variant}`,
        ).toEqual([1, 1, []]);
      }
    }
  });

  it('map each single name to its own component', () => {
    if (!loaded.ok) throw new Error('architectures failed to load');
    for (const id of CASES) {
      const architecture = loaded.value.get(id)!;
      for (const component of architecture.components) {
        for (const name of [component.label, ...component.aliases]) {
          const result = compareArchitecture(architecture, {
            nodes: [{ id: 'one', label: name }],
            edges: [],
          });
          expect(result.components.find((each) => each.matched)?.id, `${id}: "${name}"`).toBe(component.id);
        }
      }
    }
  });
});

/** A small valid architecture; every line a test mutates is unique in it. */
const SAMPLE = `case: demo-case
summary: A tiny retrieve-then-rank system used only by these tests.
components:
  - id: client
    label: Mobile app
    aliases: [client, phone app]
    role: Sends the request and shows results.
    path: online
  - id: gateway
    label: API gateway
    aliases: [gateway, backend API]
    role: Receives requests and orchestrates the stages.
    path: online
  - id: retrieval
    label: ANN index
    aliases: [vector index, FAISS]
    role: Finds candidates near the user vector.
    path: online
  - id: ranker
    label: Ranking model
    aliases: [ranker, GBDT]
    role: Scores the candidates.
    path: online
  - id: features
    label: Feature store
    aliases: [online features, Redis]
    role: Serves features at request time.
    path: online
  - id: logs
    label: Event logs
    aliases: [Kafka, logging]
    role: Records impressions and outcomes.
    path: offline
  - id: training
    label: Training pipeline
    aliases: [model training, training]
    role: Retrains the ranker on logged data.
    path: offline
  - id: monitoring
    label: Monitoring
    aliases: [dashboards, alerts]
    role: Watches metrics and alerts on drift.
    path: offline
arrows:
  - from: client
    to: gateway
  - from: gateway
    to: retrieval
  - from: retrieval
    to: ranker
    label: candidates
  - from: features
    to: ranker
  - from: ranker
    to: gateway
  - from: gateway
    to: logs
  - from: logs
    to: training
  - from: training
    to: ranker
    label: new model
  - from: logs
    to: monitoring
`;

/** 1-based line of the first (or last) line of `text` containing `needle`. */
const lineOf = (text: string, needle: string, last = false) => {
  const lines = text.split('\n');
  const index = last
    ? lines.findLastIndex((line) => line.includes(needle))
    : lines.findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`"${needle}" is not in the text`);
  return index + 1;
};

/** Replaces `from` in the sample, failing loudly if the sample no longer contains it. */
const mutate = (from: string, to: string, text = SAMPLE) => {
  if (!text.includes(from)) throw new Error(`"${from}" is not in the sample`);
  return text.replace(from, to);
};

describe('loadArchitectures on broken files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mlsd-architectures-'));
    mkdirSync(join(dir, ARCHITECTURES_FOLDER));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (text: string, name = 'demo-case') =>
    writeFileSync(join(dir, ARCHITECTURES_FOLDER, `${name}.yaml`), text);
  const issuesOf = (caseIds?: ReadonlySet<string>): RubricIssue[] => {
    const result = loadArchitectures(dir, caseIds);
    expect(result.ok).toBe(false);
    return result.ok ? [] : result.issues;
  };
  const find = (issues: RubricIssue[], pattern: RegExp) => {
    const issue = issues.find((each) => pattern.test(each.message));
    expect(issue, `no issue matches ${pattern}: ${issues.map(formatIssue).join('\n')}`).toBeDefined();
    return issue!;
  };

  it('loads a valid file', () => {
    write(SAMPLE);
    const result = loadArchitectures(dir, new Set(['demo-case']));
    expect(result.ok ? [...result.value.keys()] : result.issues.map(formatIssue)).toEqual(['demo-case']);
  });

  it('refuses a case that differs from the file name', () => {
    write(SAMPLE, 'other-case');
    const issue = find(issuesOf(), /must match the file name "other-case"/);
    expect(issue.line).toBe(1);
    expect(issue.field).toBe('case');
    expect(formatIssue(issue)).toMatch(/other-case\.yaml:1:\d+ case:/);
  });

  it('refuses a case unknown to rubrics/cases when case ids are given', () => {
    write(SAMPLE);
    const issue = find(issuesOf(new Set(['some-other-case'])), /"demo-case" is no case/);
    expect(issue.line).toBe(1);
  });

  it('refuses a duplicate component id, at its line', () => {
    const text = mutate('  - id: training\n', '  - id: features\n');
    write(text);
    const issue = find(issuesOf(), /duplicate component id "features"/);
    expect(issue.line).toBe(lineOf(text, 'id: features', true));
    expect(issue.field).toBe('components.6.id');
  });

  it('refuses an arrow to a component that does not exist', () => {
    const text = mutate('    to: monitoring\n', '    to: monitor\n');
    write(text);
    const issue = find(issuesOf(), /arrow to "monitor", which is no component id/);
    expect(issue.line).toBe(lineOf(text, 'to: monitor'));
    expect(issue.field).toBe('arrows.8.to');
  });

  it('refuses an arrow from a component to itself', () => {
    const text = mutate('  - from: logs\n    to: monitoring\n', '  - from: monitoring\n    to: monitoring\n');
    write(text);
    const issue = find(issuesOf(), /arrow from "monitoring" to itself/);
    expect(issue.line).toBe(lineOf(text, 'from: monitoring'));
  });

  it('refuses the same arrow twice', () => {
    const text = mutate('  - from: training\n    to: ranker\n', '  - from: retrieval\n    to: ranker\n');
    write(text);
    const issue = find(issuesOf(), /duplicate arrow from "retrieval" to "ranker" \(also arrow 3\)/);
    expect(issue.line).toBe(lineOf(text, 'from: retrieval', true));
  });

  it('refuses a name shared by two components once word forms are ignored', () => {
    const text = mutate('aliases: [dashboards, alerts]', 'aliases: [dashboards, feature stores]');
    write(text);
    const issue = find(
      issuesOf(),
      /"feature stores" is also a name of component "features" \("Feature store"\)/,
    );
    expect(issue.line).toBe(lineOf(text, 'feature stores'));
    expect(issue.field).toBe('components.7.aliases.1');
  });

  it('refuses a name made only of stop words', () => {
    const text = mutate('aliases: [dashboards, alerts]', 'aliases: [dashboards, the]');
    write(text);
    const issue = find(issuesOf(), /"the" is only stop words/);
    expect(issue.line).toBe(lineOf(text, 'aliases: [dashboards, the]'));
  });

  it('refuses a component that takes part in no arrow', () => {
    const text = mutate('  - from: logs\n    to: monitoring\n', '');
    write(text);
    const issue = find(issuesOf(), /component "monitoring" takes part in no arrow/);
    expect(issue.line).toBe(lineOf(text, 'id: monitoring'));
  });

  it('points a schema problem at its own line', () => {
    const text = mutate('label: Mobile app', 'label: A very long mobile app');
    write(text);
    const issue = find(issuesOf(), /at most 4 words/);
    expect(issue.line).toBe(lineOf(text, 'A very long mobile app'));
    expect(issue.field).toBe('components.0.label');
  });

  it('reports a YAML syntax error with its line', () => {
    write(`${SAMPLE}  - from: [unclosed\n`);
    const issue = find(issuesOf(), /YAML syntax/);
    expect(issue.line).toBeGreaterThan(1);
  });

  it('loads nothing when one file of several is broken', () => {
    write(SAMPLE);
    write(mutate('case: demo-case', 'case: second-case'), 'second-case');
    write(
      mutate('case: demo-case', 'case: third-case').replace('  - id: training\n', '  - id: features\n'),
      'third-case',
    );
    const result = loadArchitectures(dir);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.length).toBeGreaterThan(0);
    for (const issue of result.issues) expect(issue.file).toContain('third-case.yaml');
  });

  it('says so when there are no files, or no folder', () => {
    expect(issuesOf().map(formatIssue).join('\n')).toMatch(/no architecture files found/);
    rmSync(join(dir, ARCHITECTURES_FOLDER), { recursive: true });
    expect(issuesOf().map(formatIssue).join('\n')).toMatch(/cannot list architecture files/);
  });
});

describe('compareArchitecture', () => {
  const reference = ReferenceArchitecture.parse(parse(SAMPLE));
  const perfect: DrawnArchitecture = {
    nodes: reference.components.map((component) => ({ id: component.id, label: component.label })),
    edges: reference.arrows.map((arrow) => ({ from: arrow.from, to: arrow.to })),
  };

  it('gives a perfect drawing full shares and no extras', () => {
    const result = compareArchitecture(reference, perfect);
    expect(result.componentShare).toBe(1);
    expect(result.arrowShare).toBe(1);
    expect(result.extraNodes).toEqual([]);
    expect(result.extraEdges).toEqual([]);
    expect(result.components.every((component) => component.drawnLabel === component.label)).toBe(true);
    expect(result.arrows.find((arrow) => arrow.from === 'training')?.label).toBe('new model');
  });

  it('matches boxes named by an alias or a longer phrase, whatever their ids', () => {
    const names: Record<string, string> = {
      client: 'Client',
      gateway: 'Backend APIs',
      retrieval: 'FAISS vector index',
      ranker: 'GBDT ranker',
      features: 'Redis',
      logs: 'Kafka',
      training: 'Daily model training',
      monitoring: 'Dashboards',
    };
    const drawn: DrawnArchitecture = {
      nodes: Object.entries(names).map(([, label], index) => ({ id: `n${index}`, label })),
      edges: reference.arrows.map((arrow) => ({
        from: `n${Object.keys(names).indexOf(arrow.from)}`,
        to: `n${Object.keys(names).indexOf(arrow.to)}`,
      })),
    };
    const result = compareArchitecture(reference, drawn);
    expect(result.componentShare).toBe(1);
    expect(result.arrowShare).toBe(1);
    expect(result.components.find((component) => component.id === 'training')?.drawnLabel).toBe(
      'Daily model training',
    );
  });

  it('reports an arrow drawn the wrong way round without counting it', () => {
    const drawn: DrawnArchitecture = {
      nodes: perfect.nodes,
      edges: perfect.edges.map((edge) =>
        edge.from === 'features' && edge.to === 'ranker' ? { from: 'ranker', to: 'features' } : edge,
      ),
    };
    const result = compareArchitecture(reference, drawn);
    const arrow = result.arrows.find((each) => each.from === 'features' && each.to === 'ranker');
    expect(arrow).toEqual({ from: 'features', to: 'ranker', matched: false, reversed: true });
    expect(result.arrowShare).toBeCloseTo(8 / 9);
    expect(result.extraEdges).toEqual([]);
  });

  it('does not call a missing arrow reversed when its opposite is a reference arrow too', () => {
    const both = { ...reference, arrows: [...reference.arrows, { from: 'gateway', to: 'client' }] };
    const result = compareArchitecture(both, perfect);
    expect(result.arrows.at(-1)).toEqual({ from: 'gateway', to: 'client', matched: false });
  });

  it('scores an empty drawing 0 with every component and arrow missing', () => {
    const result = compareArchitecture(reference, { nodes: [], edges: [] });
    expect(result.componentShare).toBe(0);
    expect(result.arrowShare).toBe(0);
    expect(result.components.map((component) => component.matched)).toEqual(
      reference.components.map(() => false),
    );
    expect(result.arrows.every((arrow) => !arrow.matched && !arrow.reversed)).toBe(true);
    expect(result.extraNodes).toEqual([]);
    expect(result.extraEdges).toEqual([]);
    // A drawing object missing its lists is treated as empty rather than throwing.
    expect(compareArchitecture(reference, {} as DrawnArchitecture).componentShare).toBe(0);
  });

  it('counts boxes drawn without arrows as components only', () => {
    const result = compareArchitecture(reference, { nodes: perfect.nodes, edges: [] });
    expect(result.componentShare).toBe(1);
    expect(result.arrowShare).toBe(0);
  });

  it('lists extra boxes, unlabeled boxes, repeated boxes and arrows to unknown ids', () => {
    const drawn: DrawnArchitecture = {
      nodes: [
        ...perfect.nodes,
        { id: 'registry', label: 'Model registry' },
        { id: 'blank', label: '   ' },
        { id: 'again', label: 'Feature store' },
      ],
      edges: [
        ...perfect.edges,
        { from: 'training', to: 'registry' },
        { from: 'registry', to: 'ghost' },
        { from: 'client', to: 'client' },
      ],
    };
    const result = compareArchitecture(reference, drawn);
    expect(result.componentShare).toBe(1);
    expect(result.arrowShare).toBe(1);
    expect(result.extraNodes).toEqual(['Model registry', 'blank', 'Feature store']);
    expect(result.extraEdges).toEqual([
      { from: 'Training pipeline', to: 'Model registry' },
      { from: 'Model registry', to: 'ghost' },
      { from: 'Mobile app', to: 'Mobile app' },
    ]);
  });

  it('uses each drawn box once and prefers the more specific name', () => {
    const result = compareArchitecture(reference, {
      nodes: [
        { id: 'a', label: 'Training' },
        { id: 'b', label: 'Model training pipeline' },
      ],
      edges: [],
    });
    expect(result.components.find((component) => component.id === 'training')?.drawnLabel).toBe(
      'Model training pipeline',
    );
    expect(result.extraNodes).toEqual(['Training']);
  });
});
