import { MAX_ANSWER_CHARS } from '@mlsd/protocol';
import { ComposeBox, type Fill } from '../../components/compose-box.tsx';

const overLimit = (over: number) =>
  `That is ${over} characters over the limit of ${MAX_ANSWER_CHARS}; split it.`;

/**
 * The line a seat sends to the shared transcript. Enter sends, Shift+Enter breaks the line, and
 * the draft survives a reload. `fill` puts text in the box for editing: a probe in place of
 * the draft, a fact after it.
 */
export function MessageBox(props: {
  draftKey: string;
  label: string;
  placeholder: string;
  disabledReason: string | null;
  onSend: (text: string) => void;
  fill?: Fill | null;
}) {
  return <ComposeBox inputId={`box-${props.draftKey}`} {...props} overLimit={overLimit} />;
}
