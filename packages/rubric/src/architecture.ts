import { basename, join } from 'node:path';
import { z } from 'zod';
import { displayPath, type LoadResult, listYamlFiles, loadYamlFile } from './load.ts';
import { locator, type RubricIssue } from './locate.ts';
import { contentLemmas, contentStems, tokenize } from './text.ts';

/**
 * Reference architectures: for each case, the boxes and arrows of a sound design, written by us.
 * The report shows one after a session, and the "draw it from memory" drill compares the
 * candidate's drawing with it box by box and arrow by arrow (`compareArchitecture`).
 *
 * rubrics/architectures/<case-id>.yaml each hold one; `loadArchitectures` reads them all or none.
 */

/** The folder under the rubrics directory that holds the reference architectures. */
export const ARCHITECTURES_FOLDER = 'architectures';

/** Bounds on one architecture, named so tests and tools can quote them. */
export const ARCHITECTURE_LIMITS = {
  minComponents: 8,
  maxComponents: 14,
  minArrows: 8,
  maxArrows: 18,
  minAliases: 1,
  maxAliases: 5,
  maxLabelWords: 4,
} as const;

const id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are lower-case kebab-case, e.g. "feature-store"');

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** A box label as drawn on a whiteboard: one to four words. */
const boxName = z
  .string()
  .trim()
  .min(2, 'a name needs at least two characters')
  .max(48, 'keep a box name short, as drawn on a whiteboard')
  .refine(
    (text) => wordCount(text) <= ARCHITECTURE_LIMITS.maxLabelWords,
    `a box label has at most ${ARCHITECTURE_LIMITS.maxLabelWords} words`,
  );

/** One box of the reference drawing. */
export const ArchitectureComponent = z.strictObject({
  /** Kebab-case, unique within the architecture; arrows refer to it. */
  id,
  /** The name as drawn, one to four words, e.g. "Feature store". */
  label: boxName,
  /** Other names a candidate might write for the same box ("ANN index", "vector index", "FAISS"). */
  aliases: z
    .array(z.string().trim().min(2, 'an alias needs at least two characters').max(48, 'keep an alias short'))
    .min(ARCHITECTURE_LIMITS.minAliases, 'give at least one other name a candidate might draw')
    .max(ARCHITECTURE_LIMITS.maxAliases, `give at most ${ARCHITECTURE_LIMITS.maxAliases} aliases`),
  /** What the box does, in one line. */
  role: z.string().trim().min(8, 'say in one line what the box does').max(200, 'keep the role to one line'),
  /** Whether the box sits on the request path or in the offline loop (logging, training, indexing). */
  path: z.enum(['online', 'offline']),
});
export type ArchitectureComponent = z.infer<typeof ArchitectureComponent>;

/** One arrow of the reference drawing: data or requests flowing from one box to another. */
export const ArchitectureArrow = z.strictObject({
  from: id,
  to: id,
  /** What flows along the arrow, e.g. "click events". */
  label: z.string().trim().min(2).max(60, 'keep an arrow label short').optional(),
});
export type ArchitectureArrow = z.infer<typeof ArchitectureArrow>;

/** One file of rubrics/architectures. */
export const ReferenceArchitecture = z.strictObject({
  /** The case id; must equal the file name. */
  case: id,
  /** The shape of the system in one or two sentences. */
  summary: z
    .string()
    .trim()
    .min(20, 'say in a sentence or two what the system looks like')
    .max(500, 'keep the summary to one or two sentences'),
  components: z
    .array(ArchitectureComponent)
    .min(
      ARCHITECTURE_LIMITS.minComponents,
      `an architecture needs at least ${ARCHITECTURE_LIMITS.minComponents} components`,
    )
    .max(
      ARCHITECTURE_LIMITS.maxComponents,
      `an architecture has at most ${ARCHITECTURE_LIMITS.maxComponents} components`,
    ),
  arrows: z
    .array(ArchitectureArrow)
    .min(
      ARCHITECTURE_LIMITS.minArrows,
      `an architecture needs at least ${ARCHITECTURE_LIMITS.minArrows} arrows`,
    )
    .max(
      ARCHITECTURE_LIMITS.maxArrows,
      `an architecture has at most ${ARCHITECTURE_LIMITS.maxArrows} arrows`,
    ),
});
export type ReferenceArchitecture = z.infer<typeof ReferenceArchitecture>;

/** A box name reduced to what matching compares: its content lemmas and stems, each once. */
interface NameWords {
  lemmas: Set<string>;
  stems: Set<string>;
}

function nameWords(text: string): NameWords {
  const tokens = tokenize(text).filter((token) => !token.stop);
  return {
    lemmas: new Set(tokens.map((token) => token.lemma)),
    stems: new Set(tokens.map((token) => token.stem)),
  };
}

/** Order-free key of a name's content lemmas: "index ANN" and "ANN indexes" share one. */
const lemmaKey = (text: string) => [...new Set(contentLemmas(text))].sort().join(' ');

/** The same on stems, since matching also accepts a word by its stem ("precomputed"/"precompute"). */
const stemKey = (text: string) => [...new Set(contentStems(text))].sort().join(' ');

/**
 * Checks one parsed architecture beyond its schema: `case` equals the file name (and is a known
 * case when `caseIds` is given), component ids are unique, arrows join two different existing
 * components and are not repeated, no name (label or alias) of one component is also a name of
 * another once word forms are ignored, every component takes part in an arrow, and both the online
 * and the offline path are drawn.
 */
export function lintArchitecture(
  architecture: ReferenceArchitecture,
  file: string,
  displayName: string,
  caseIds?: ReadonlySet<string>,
): RubricIssue[] {
  const issues: RubricIssue[] = [];
  let where: ((path: (string | number)[]) => { line: number; column: number }) | undefined;
  const at = (path: (string | number)[], message: string) => {
    where ??= locator(file);
    issues.push({ file: displayName, ...where(path), field: path.join('.'), message });
  };

  const expectedName = basename(file).replace(/\.ya?ml$/, '');
  if (architecture.case !== expectedName) {
    at(['case'], `case "${architecture.case}" must match the file name "${expectedName}"`);
  }
  if (caseIds && !caseIds.has(architecture.case)) {
    at(['case'], `"${architecture.case}" is no case in rubrics/cases`);
  }

  const ids = new Set<string>();
  architecture.components.forEach((component, index) => {
    if (ids.has(component.id)) at(['components', index, 'id'], `duplicate component id "${component.id}"`);
    ids.add(component.id);
  });

  // Names: label first, then aliases; a key already taken by another component is ambiguous.
  const owners = new Map<string, { component: string; name: string }>();
  architecture.components.forEach((component, index) => {
    const names: [string, (string | number)[]][] = [
      [component.label, ['components', index, 'label']],
      ...component.aliases.map((alias, aliasIndex): [string, (string | number)[]] => [
        alias,
        ['components', index, 'aliases', aliasIndex],
      ]),
    ];
    for (const [name, path] of names) {
      const keys = [`lemma:${lemmaKey(name)}`, `stem:${stemKey(name)}`];
      if (keys[0] === 'lemma:') {
        at(path, `"${name}" is only stop words; no drawn box can ever match it`);
        continue;
      }
      const owner = keys
        .map((key) => owners.get(key))
        .find((each) => each && each.component !== component.id);
      if (owner) {
        at(
          path,
          `"${name}" is also a name of component "${owner.component}" ("${owner.name}"); a drawn box named so could be either`,
        );
        continue;
      }
      for (const key of keys) if (!owners.has(key)) owners.set(key, { component: component.id, name });
    }
  });

  const used = new Set<string>();
  const pairs = new Map<string, number>();
  architecture.arrows.forEach((arrow, index) => {
    for (const end of ['from', 'to'] as const) {
      if (!ids.has(arrow[end]))
        at(['arrows', index, end], `arrow ${end} "${arrow[end]}", which is no component id`);
    }
    used.add(arrow.from);
    used.add(arrow.to);
    if (arrow.from === arrow.to) at(['arrows', index], `arrow from "${arrow.from}" to itself`);
    const pair = `${arrow.from}\u0000${arrow.to}`;
    const first = pairs.get(pair);
    if (first !== undefined) {
      at(
        ['arrows', index],
        `duplicate arrow from "${arrow.from}" to "${arrow.to}" (also arrow ${first + 1})`,
      );
    } else pairs.set(pair, index);
  });

  architecture.components.forEach((component, index) => {
    if (!used.has(component.id)) {
      at(
        ['components', index, 'id'],
        `component "${component.id}" takes part in no arrow; connect it or drop it`,
      );
    }
  });

  for (const path of ['online', 'offline'] as const) {
    if (!architecture.components.some((component) => component.path === path)) {
      at(['components'], `no component on the ${path} path; draw both the request path and the offline loop`);
    }
  }
  return issues;
}

/**
 * Loads every `architectures/*.yaml` under `rubricsDir` (sorted by file name), keyed by case id.
 * All or nothing, like `loadRubrics`: any problem in any file returns every problem found and no
 * architectures. With `caseIds`, each file's case must be one of them.
 */
export function loadArchitectures(
  rubricsDir: string,
  caseIds?: ReadonlySet<string>,
): LoadResult<Map<string, ReferenceArchitecture>> {
  const display = displayPath;
  const listed = listYamlFiles(join(rubricsDir, ARCHITECTURES_FOLDER), 'architecture files');
  if (!listed.ok) return listed;
  const files = listed.value;

  const issues: RubricIssue[] = [];
  const architectures = new Map<string, ReferenceArchitecture>();
  const seen = new Map<string, string>();
  for (const file of files) {
    const loaded = loadYamlFile(file, ReferenceArchitecture, display(file));
    if (!loaded.ok) {
      issues.push(...loaded.issues);
      continue;
    }
    const architecture = loaded.value;
    issues.push(...lintArchitecture(architecture, file, display(file), caseIds));
    const first = seen.get(architecture.case);
    if (first !== undefined) {
      issues.push({
        file: display(file),
        line: 1,
        column: 1,
        field: 'case',
        message: `a second architecture for "${architecture.case}" (also in ${first})`,
      });
    } else seen.set(architecture.case, display(file));
    architectures.set(architecture.case, architecture);
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: architectures };
}

/** A candidate's drawing as a text graph: boxes with labels and arrows between box ids. */
export interface DrawnArchitecture {
  nodes: { id: string; label: string }[];
  edges: { from: string; to: string; label?: string }[];
}

/** One reference component and whether (and as what) the drawing has it. */
export interface ComponentMatch {
  id: string;
  label: string;
  matched: boolean;
  /** The label of the drawn box that matched, when one did. */
  drawnLabel?: string;
}

/** One reference arrow and whether the drawing has it. */
export interface ArrowMatch {
  from: string;
  to: string;
  label?: string;
  matched: boolean;
  /** True when both boxes were drawn and joined, but only in the opposite direction. */
  reversed?: boolean;
}

/** How a drawing compares with a reference architecture. */
export interface ArchitectureComparison {
  /** Every reference component, in reference order. */
  components: ComponentMatch[];
  /** Every reference arrow, in reference order. */
  arrows: ArrowMatch[];
  /** Labels of drawn boxes that matched no component (the box id when it has no label). */
  extraNodes: string[];
  /**
   * Drawn arrows that match no reference arrow in either direction, named by the labels of their
   * boxes (the raw id when the box is unlabeled or does not exist).
   */
  extraEdges: { from: string; to: string }[];
  /** Matched components over reference components, 0 to 1. */
  componentShare: number;
  /** Matched arrows over reference arrows, 0 to 1; reversed arrows do not count. */
  arrowShare: number;
}

/** Each reference's component names, tokenised once: the drill compares many drawings with one reference. */
const referenceNames = new WeakMap<ReferenceArchitecture, NameWords[][]>();

function namesOf(reference: ReferenceArchitecture): NameWords[][] {
  let names = referenceNames.get(reference);
  if (!names) {
    names = reference.components.map((component) => [component.label, ...component.aliases].map(nameWords));
    referenceNames.set(reference, names);
  }
  return names;
}

/** How well a drawn label covers one name; null when some word of the name is missing from it. */
function cover(drawn: NameWords, name: NameWords): number | null {
  if (name.lemmas.size === 0) return null;
  const stems = [...name.stems];
  const lemmas = [...name.lemmas];
  // A name word is covered by the same lemma or, failing that, the same stem ("embeddings"/"embedding").
  const covered =
    lemmas.every((lemma) => drawn.lemmas.has(lemma)) || stems.every((stem) => drawn.stems.has(stem));
  if (!covered) return null;
  // More name words covered is a more specific match; fewer leftover drawn words breaks ties.
  return name.lemmas.size * 1000 - Math.max(0, drawn.lemmas.size - name.lemmas.size);
}

/**
 * Compares a drawing with a reference architecture. A drawn box matches a component when its
 * label's content words include every content word of the component's label or of one alias
 * (same lemma or same stem); the best-covered pairs are taken first, each drawn box and each
 * component at most once, and remaining boxes are then re-routed when that lets more components
 * match. A reference arrow matches when a drawn arrow joins the two matched boxes in the same
 * direction; an arrow drawn only the other way is reported `reversed` and not counted.
 *
 * Pure and forgiving: missing lists count as empty, unlabeled boxes match nothing, a box whose id
 * repeats an earlier one is treated as extra, and arrows to unknown box ids are listed as extra.
 */
export function compareArchitecture(
  reference: ReferenceArchitecture,
  drawn: DrawnArchitecture,
): ArchitectureComparison {
  const rawNodes = Array.isArray(drawn?.nodes) ? drawn.nodes : [];
  const rawEdges = Array.isArray(drawn?.edges) ? drawn.edges : [];

  // Drawn boxes, first occurrence of each id; later repeats are extra.
  const nodes: { id: string; label: string; words: NameWords }[] = [];
  const nodeById = new Map<string, (typeof nodes)[number]>();
  const extraNodes: string[] = [];
  for (const raw of rawNodes) {
    const nodeId = typeof raw?.id === 'string' ? raw.id : String(raw?.id ?? '');
    const label = typeof raw?.label === 'string' ? raw.label.trim() : '';
    if (nodeById.has(nodeId)) {
      extraNodes.push(label || nodeId);
      continue;
    }
    const node = { id: nodeId, label, words: nameWords(label) };
    nodes.push(node);
    nodeById.set(nodeId, node);
  }

  // Candidate pairs with the best score over each component's names.
  const names = namesOf(reference);
  const candidates: { node: number; component: number; score: number }[] = [];
  nodes.forEach((node, nodeIndex) => {
    names.forEach((componentNames, componentIndex) => {
      let best: number | null = null;
      for (const name of componentNames) {
        const score = cover(node.words, name);
        if (score !== null && (best === null || score > best)) best = score;
      }
      if (best !== null) candidates.push({ node: nodeIndex, component: componentIndex, score: best });
    });
  });
  candidates.sort((a, b) => b.score - a.score || a.component - b.component || a.node - b.node);

  const componentOfNode = new Map<number, number>();
  const nodeOfComponent = new Map<number, number>();
  for (const { node, component } of candidates) {
    if (componentOfNode.has(node) || nodeOfComponent.has(component)) continue;
    componentOfNode.set(node, component);
    nodeOfComponent.set(component, node);
  }
  // Augmenting paths: a box left over may take a component whose box can move to another one.
  const options = new Map<number, number[]>();
  for (const { node, component } of candidates) {
    const list = options.get(node) ?? [];
    list.push(component);
    options.set(node, list);
  }
  const augment = (node: number, visited: Set<number>): boolean => {
    for (const component of options.get(node) ?? []) {
      if (visited.has(component)) continue;
      visited.add(component);
      const holder = nodeOfComponent.get(component);
      if (holder === undefined || augment(holder, visited)) {
        componentOfNode.set(node, component);
        nodeOfComponent.set(component, node);
        return true;
      }
    }
    return false;
  };
  nodes.forEach((_, nodeIndex) => {
    if (!componentOfNode.has(nodeIndex)) augment(nodeIndex, new Set());
  });

  const components: ComponentMatch[] = reference.components.map((component, index) => {
    const node = nodeOfComponent.get(index);
    if (node === undefined) return { id: component.id, label: component.label, matched: false };
    const drawnNode = nodes[node]!;
    return { id: component.id, label: component.label, matched: true, drawnLabel: drawnNode.label };
  });
  nodes.forEach((node, index) => {
    if (!componentOfNode.has(index)) extraNodes.push(node.label || node.id);
  });

  // Every distinct drawn arrow in drawing order; one touching an unknown box can match nothing.
  const nameOf = (nodeId: string) => nodeById.get(nodeId)?.label || nodeId;
  const pairKey = (from: string, to: string) => `${from}\u0000${to}`;
  const drawnPairs = new Set<string>();
  const edges: { from: string; to: string; known: boolean }[] = [];
  const seenEdges = new Set<string>();
  for (const raw of rawEdges) {
    const from = typeof raw?.from === 'string' ? raw.from : String(raw?.from ?? '');
    const to = typeof raw?.to === 'string' ? raw.to : String(raw?.to ?? '');
    const key = pairKey(from, to);
    if (seenEdges.has(key)) continue;
    seenEdges.add(key);
    const known = nodeById.has(from) && nodeById.has(to);
    if (known) drawnPairs.add(key);
    edges.push({ from, to, known });
  }

  const componentIndex = new Map(reference.components.map((component, index) => [component.id, index]));
  const drawnIdOf = (componentId: string) => {
    const index = componentIndex.get(componentId);
    const node = index === undefined ? undefined : nodeOfComponent.get(index);
    return node === undefined ? undefined : nodes[node]!.id;
  };
  const referencePairs = new Set(reference.arrows.map((arrow) => pairKey(arrow.from, arrow.to)));
  const accounted = new Set<string>();
  const arrows: ArrowMatch[] = reference.arrows.map((arrow) => {
    const result: ArrowMatch = { from: arrow.from, to: arrow.to, matched: false };
    if (arrow.label !== undefined) result.label = arrow.label;
    const from = drawnIdOf(arrow.from);
    const to = drawnIdOf(arrow.to);
    if (from === undefined || to === undefined) return result;
    if (drawnPairs.has(pairKey(from, to))) {
      result.matched = true;
      accounted.add(pairKey(from, to));
    } else if (drawnPairs.has(pairKey(to, from)) && !referencePairs.has(pairKey(arrow.to, arrow.from))) {
      // Only when the opposite arrow is not itself in the reference: then it is simply missing.
      result.reversed = true;
      accounted.add(pairKey(to, from));
    }
    return result;
  });
  const extraEdges = edges
    .filter((edge) => !edge.known || !accounted.has(pairKey(edge.from, edge.to)))
    .map((edge) => ({ from: nameOf(edge.from), to: nameOf(edge.to) }));

  const matchedComponents = components.filter((component) => component.matched).length;
  const matchedArrows = arrows.filter((arrow) => arrow.matched).length;
  return {
    components,
    arrows,
    extraNodes,
    extraEdges,
    componentShare: components.length === 0 ? 0 : matchedComponents / components.length,
    arrowShare: arrows.length === 0 ? 0 : matchedArrows / arrows.length,
  };
}
