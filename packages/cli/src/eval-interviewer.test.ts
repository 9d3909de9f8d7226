import { describe, expect, it } from 'vitest';
import { runCaptured } from './run-captured.ts';

const run = (args: string[], env: Record<string, string> = {}) => runCaptured(args, process.cwd(), env);

describe('mlsd eval interviewer', () => {
  it('plays personas through a case offline and prints the criteria table', async () => {
    const { code, stdout, stderr } = await run([
      'eval',
      'interviewer',
      '--cases',
      'fraud-detection',
      '--personas',
      'stuck,off-topic,injection',
    ]);
    expect(stderr).toMatch(/offline interviewer/);
    expect(stdout).toMatch(/\| criterion \| stuck \| off-topic \| injection \|/);
    expect(stdout).toMatch(/\| hints-graduated \| 0 \| 0 \| 0 \|/);
    expect(stdout).toMatch(/3 of 3 sessions clean/);
    expect(code).toBe(0);
  }, 60_000);

  it('names the known cases and personas when given an unknown one', async () => {
    const unknownCase = await run(['eval', 'interviewer', '--cases', 'fraud-detectoin']);
    expect(unknownCase.code).toBe(2);
    expect(unknownCase.stderr).toMatch(/unknown case "fraud-detectoin"; known cases: .*fraud-detection/);
    const unknownPersona = await run(['eval', 'interviewer', '--personas', 'genius']);
    expect(unknownPersona.stderr).toMatch(/unknown persona "genius"; known personas: strong, medium/);
  });

  it('says what is wrong with the model settings', async () => {
    const { code, stderr } = await run(['eval', 'interviewer'], { OPENAI_BASE_URL: 'not a url' });
    expect(code).toBe(2);
    expect(stderr).toMatch(/OPENAI_BASE_URL/);
  });
});
