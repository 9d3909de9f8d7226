import { fileURLToPath } from 'node:url';
import {
  createLlmInterviewer,
  createModelVoice,
  createOfflineInterviewer,
  loadPrompts,
  planWithModel,
  voiceOffline,
} from '@mlsd/interviewer';
import {
  criteriaTable,
  evaluateInterviewer,
  type HarnessCandidate,
  PERSONAS,
  type SessionResult,
} from '@mlsd/interviewer/harness';
import { createLlmClient, type LlmClient, type LlmConfig, parseLlmConfig } from '@mlsd/llm';
import { formatIssue, loadRubrics } from '@mlsd/rubric';
import type { CliIo } from './command-types.ts';

const RUBRICS_DIR = fileURLToPath(new URL('../../../rubrics', import.meta.url));

const USAGE = `usage: mlsd eval interviewer [--cases ID,ID] [--personas ID,ID] [--json]

Plays scripted candidates (${PERSONAS.map((p) => p.id).join(', ')}) through whole
sessions on every case and checks the interviewer's replies: facts given, no probe of what was just
said, no repeated line, no rubric text, graduated hints, challenges on red flags only, redirects.
Offline by default; with OPENAI_BASE_URL / OPENAI_API_KEY (and MLSD_MODEL) set, the model reads
each message, words each turn and plays the candidate from the persona scripts.
Exit code 0 when no criterion is violated, 1 otherwise.
`;

interface Args {
  cases: string[] | null;
  personas: string[] | null;
  json: boolean;
}

/** `mlsd eval interviewer`: the interviewer regression harness against the configured interviewer. */
export async function evalInterviewerCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  if ('help' in args) {
    io.stdout.write(USAGE);
    return 0;
  }
  if ('error' in args) {
    io.stderr.write(`mlsd eval interviewer: ${args.error}\n\n${USAGE}`);
    return 2;
  }
  const loaded = loadRubrics(RUBRICS_DIR);
  if (!loaded.ok) {
    io.stderr.write(
      `mlsd eval interviewer: the rubrics do not load:\n${loaded.issues.map(formatIssue).join('\n')}\n`,
    );
    return 1;
  }
  const { framework, cases } = loaded.value;
  const unknownCase = args.cases?.find((id) => !cases.has(id));
  if (unknownCase) {
    io.stderr.write(
      `mlsd eval interviewer: unknown case "${unknownCase}"; known cases: ${[...cases.keys()].join(', ')}\n`,
    );
    return 2;
  }
  const unknownPersona = args.personas?.find((id) => !PERSONAS.some((persona) => persona.id === id));
  if (unknownPersona) {
    io.stderr.write(
      `mlsd eval interviewer: unknown persona "${unknownPersona}"; known personas: ${PERSONAS.map((p) => p.id).join(', ')}\n`,
    );
    return 2;
  }
  const config = parseLlmConfig(io.env ?? {});
  if (!config.ok) {
    io.stderr.write(`mlsd eval interviewer: ${config.error.message}\n`);
    return 2;
  }
  const selected = [...cases.values()].filter(
    (study) => args.cases === null || args.cases.includes(study.id),
  );
  const personas = PERSONAS.filter((persona) => args.personas === null || args.personas.includes(persona.id));
  const model = config.value;
  io.stderr.write(
    model
      ? `Evaluating the model interviewer (${model.model} at ${model.baseURL}); the model also plays the candidate.\n`
      : 'Evaluating the offline interviewer (no model configured).\n',
  );
  const results = model
    ? await evaluateModel(model, selected, framework, personas)
    : await evaluateInterviewer({
        voice: () => ({ speak: async (request) => voiceOffline(request) }),
        cases: selected,
        framework,
        personas,
      });
  if (args.json) io.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  else io.stdout.write(`${report(results)}\n`);
  return results.some((result) => result.violations.length > 0) ? 1 : 0;
}

async function evaluateModel(
  config: LlmConfig,
  cases: Parameters<typeof evaluateInterviewer>[0]['cases'],
  framework: Parameters<typeof evaluateInterviewer>[0]['framework'],
  personas: typeof PERSONAS,
): Promise<SessionResult[]> {
  const prompts = loadPrompts();
  if (!prompts.ok) throw new Error(prompts.error.message);
  const client = createLlmClient(config);
  const interviewer = createLlmInterviewer({ client, prompts: prompts.value, model: config.model });
  return evaluateInterviewer({
    voice: () => {
      const voice = createModelVoice(interviewer, createOfflineInterviewer());
      return {
        speak: async (request) => (await voice.speak(request)).utterance,
        // Answers are replied to as the server does: one request that chooses the move and words it.
        choose: async (request) => {
          const outcome = await voice.choose(request);
          return {
            chosen: outcome.chosen,
            turn: outcome.utterance,
            seen: outcome.seen.map((point) => point.id),
          };
        },
      };
    },
    planner: (caseStudy) => async (request) =>
      (
        await planWithModel(
          client,
          { model: config.model, prompts: prompts.value },
          {
            caseStudy,
            framework,
            ...request,
          },
        )
      ).reading,
    candidate: modelCandidate(client, config.model),
    cases,
    framework,
    personas,
  });
}

/** The model plays the candidate: it says each scripted message in its own words, same intent. */
function modelCandidate(client: LlmClient, model: string): HarnessCandidate {
  return async (message) => {
    const result = await client.chat({
      model,
      maxTokens: 300,
      messages: [
        {
          role: 'user',
          content: `You play a candidate in a machine-learning system design interview. Say the following message the way you would say it, in your own words, keeping exactly what it does (a question stays a question, a request stays a request, an answer keeps its claims, gibberish stays gibberish). Reply with the message only.\n\n${message}`,
        },
      ],
    });
    return result.text.trim() || message;
  };
}

function report(results: SessionResult[]): string {
  const details = results
    .flatMap((result) =>
      result.violations.map(
        (v) => `  ${result.caseId}/${result.persona} turn ${v.turn}: ${v.criterion}: ${v.detail}`,
      ),
    )
    .slice(0, 30);
  return [criteriaTable(results), ...(details.length > 0 ? ['', 'First violations:', ...details] : [])].join(
    '\n',
  );
}

function parseArgs(argv: string[]): Args | { help: true } | { error: string } {
  const args: Args = { cases: null, personas: null, json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return { help: true };
    if (arg === '--json') args.json = true;
    else if (arg === '--cases' || arg === '--personas') {
      const value = argv[++i];
      if (!value) return { error: `${arg} needs a comma-separated list` };
      args[arg === '--cases' ? 'cases' : 'personas'] = value.split(',').map((id) => id.trim());
    } else return { error: `unknown argument "${arg}"` };
  }
  return args;
}
