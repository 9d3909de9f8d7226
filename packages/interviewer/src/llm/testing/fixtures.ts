import { fileURLToPath } from 'node:url';
import { CaseStudy, Framework, loadYamlFile } from '@mlsd/rubric';
import { loadPrompts, type PromptSet } from '../prompts.ts';

const RUBRICS = fileURLToPath(new URL('../../../../../rubrics/', import.meta.url));

/** One real case file and the framework, loaded alone (a broken sibling case does not matter here). */
export function loadCase(id = 'ad-click-prediction'): { caseStudy: CaseStudy; framework: Framework } {
  const framework = loadYamlFile(`${RUBRICS}framework.yaml`, Framework);
  const caseStudy = loadYamlFile(`${RUBRICS}cases/${id}.yaml`, CaseStudy);
  if (!framework.ok) throw new Error(`framework.yaml: ${JSON.stringify(framework.issues[0])}`);
  if (!caseStudy.ok) throw new Error(`${id}.yaml: ${JSON.stringify(caseStudy.issues[0])}`);
  return { caseStudy: caseStudy.value, framework: framework.value };
}

/** The repository's prompts/, validated. */
export function repoPrompts(): PromptSet {
  const loaded = loadPrompts();
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value;
}
