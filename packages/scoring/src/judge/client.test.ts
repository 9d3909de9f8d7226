import { describe, expect, it } from 'vitest';
import { JUDGE_TEMPERATURE, judgeSession } from './run.ts';
import { adClick, NOTES, offlineReport, PROMPTS, reply, scriptedClient, turns } from './test-fixtures.ts';

describe('the judge through the model gateway', () => {
  it('asks the judge model for structured output, with its timeout, a token cap and no sampling', async () => {
    const { study, framework } = adClick();
    const session = turns('segment-calibration');
    const client = scriptedClient((call) => reply(call.schema));
    await judgeSession({
      client,
      prompts: PROMPTS,
      study,
      framework,
      turns: session,
      notes: NOTES,
      offline: offlineReport(study, framework, session),
      now: 2,
    });
    expect(client.calls.length).toBeGreaterThan(0);
    for (const call of client.calls) {
      expect(call).toMatchObject({
        model: client.model,
        timeoutMs: client.timeoutMs,
        maxTokens: 4000,
        temperature: JUDGE_TEMPERATURE,
        jsonSchema: { name: call.schemaName, schema: call.schema },
      });
      // A parsed reply needs it whole: nothing streams.
      expect(call.onDelta).toBeUndefined();
      expect(call.signal).toBeInstanceOf(AbortSignal);
    }
  });
});
