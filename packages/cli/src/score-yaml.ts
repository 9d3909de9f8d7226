import { CaseStudy, Framework, formatIssue, loadYamlFile, withFrameworkFlags } from '@mlsd/rubric';

/**
 * The framework and one case read from YAML, for `mlsd score` when the build's data does not match
 * the files (edited rubrics, another rubric folder, no build). Its own module so that the YAML
 * parser and its dependencies load only on this path (the prebuilt CLI keeps it in its own chunk).
 */
export function loadYamlCase(
  frameworkFile: string,
  caseFile: string | undefined,
  caseId: string,
):
  | {
      ok: true;
      value: { framework: Framework; cases: Map<string, CaseStudy> };
      built: false;
      compiled: false;
    }
  | { ok: false; message: string } {
  const framework = loadYamlFile(frameworkFile, Framework);
  const study = caseFile ? loadYamlFile(caseFile, CaseStudy) : undefined;
  const issues = [...(framework.ok ? [] : framework.issues), ...(study && !study.ok ? study.issues : [])];
  if (!framework.ok || !study?.ok) {
    return {
      ok: false,
      message: `the rubrics are invalid:\n${issues.map((issue) => `  ${formatIssue(issue)}`).join('\n')}`,
    };
  }
  return {
    ok: true,
    // The framework's red flags join the case, as `loadRubrics` does for the server.
    value: {
      framework: framework.value,
      cases: new Map([[caseId, withFrameworkFlags(study.value, framework.value)]]),
    },
    built: false,
    compiled: false,
  };
}
