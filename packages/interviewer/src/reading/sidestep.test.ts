import { join } from 'node:path';
import { CaseStudy, Framework, loadYamlFile } from '@mlsd/rubric';
import { describe, expect, it } from 'vitest';
import type { TranscriptLine } from '../interviewer.ts';
import { sidestepOf } from './sidestep.ts';

const rubrics = join(import.meta.dirname, '../../../../rubrics');
const rag = loadYamlFile(join(rubrics, 'cases/rag-assistant.yaml'), CaseStudy);
const framework = loadYamlFile(join(rubrics, 'framework.yaml'), Framework);
if (!rag.ok || !framework.ok) throw new Error('the rag-assistant rubric does not load');
const study = rag.value;

const probe = 'How does a reader check that a sentence in the answer is really backed by a document?';
const change = study.curveballs.find((ball) => ball.id === 'add-chat-messages');
if (!change) throw new Error('no add-chat-messages curveball');

const after = (line: TranscriptLine, text: string, touched: string[] = []) =>
  sidestepOf(study, framework.value, line.step ?? 'model', text, [line], new Set(touched));

describe('an answer to something else than was just asked', () => {
  const asked: TranscriptLine = {
    role: 'interviewer',
    kind: 'probe',
    step: 'model',
    text: `Tell me this: ${probe}`,
  };

  it('is read after a probe when it shares no word of weight with the question or its point', () => {
    expect(
      after(
        asked,
        'For the generator, a hosted model in the EU region, and a small open model for rewriting.',
      ),
    ).toEqual({ pointId: 'grounded-generation' });
    // An answer in other words says back a word of what it answers.
    expect(
      after(
        asked,
        'Every sentence carries a numbered link to the passage it came from, so a reader can click it.',
      ),
    ).toBeNull();
    // A point the message covers is answered, whatever its words.
    expect(
      after(asked, 'For the generator, a hosted model in the EU region, and a small open model.', [
        'grounded-generation',
      ]),
    ).toBeNull();
  });

  it('is not read for an earlier question answered on purpose, a short reply, or after a plain remark', () => {
    expect(
      after(asked, 'On your earlier question about permissions: only documents the asker can open.'),
    ).toBeNull();
    expect(after(asked, 'Not sure, honestly.')).toBeNull();
    const remark: TranscriptLine = {
      role: 'interviewer',
      kind: 'acknowledgement',
      step: 'model',
      text: 'Noted.',
    };
    expect(
      after(remark, 'For the generator, a hosted model in the EU region, and a small open model.'),
    ).toBeNull();
  });

  it('is read after a change of constraints answered with something else', () => {
    const put: TranscriptLine = {
      role: 'interviewer',
      kind: 'curveball',
      step: 'data',
      text: `Here's a new constraint. ${change.text}`,
    };
    expect(
      after(put, "Sure. Separately, I'd want a budget line for GPUs, because the reranker needs a couple."),
    ).toEqual({
      curveballId: 'add-chat-messages',
    });
    expect(
      after(put, 'The chat messages need their own index, and private channels keep their own access lists.'),
    ).toBeNull();
  });
});
