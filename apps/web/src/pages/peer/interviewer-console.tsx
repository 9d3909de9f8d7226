import type { StepId } from '@mlsd/protocol';
import { useState } from 'react';
import type { Fill } from '../../components/compose-box.tsx';
import { MarkdownView } from '../../components/markdown-view.tsx';
import { Notice } from '../../components/notice.tsx';
import { peerStoppedAt } from '../../lib/peer/peer-state.ts';
import { judgedAtText } from '../../lib/session-choices.ts';
import { useNow } from '../../lib/use-now.ts';
import type { Access } from '../../lib/watch.ts';
import { CasePrompt } from '../room/case-prompt.tsx';
import { RoomTools } from '../room/room-tools.tsx';
import { SidePanel, useSideDrawer } from '../room/side-drawer.tsx';
import { Whiteboard } from '../room/whiteboard.tsx';
import { ConsoleFacts } from './console-facts.tsx';
import { ConsoleRubric, type Prompt } from './console-rubric.tsx';
import { MessageBox } from './message-box.tsx';
import { PeerCountdown, PeerStepRail } from './peer-clock.tsx';
import { PeerTranscript } from './peer-transcript.tsx';
import { PrivateNotes } from './private-notes.tsx';
import { StepRating } from './step-rating.tsx';
import { TimerControls } from './timer-controls.tsx';
import type { PeerRoomApi } from './use-peer-room.ts';

type Tab = 'rubric' | 'facts' | 'pad' | 'board' | 'notes';
const TABS: { id: Tab; label: string; watched?: string }[] = [
  { id: 'rubric', label: 'Talking points' },
  { id: 'facts', label: 'Facts' },
  { id: 'pad', label: "Candidate's pad" },
  { id: 'board', label: 'Whiteboard' },
  { id: 'notes', label: 'My notes', watched: "Interviewer's notes" },
];

/** What an interviewer may share: the candidate's screen, or this console. */
const SHARED_VIEWS = ['candidate', 'interviewer'] as const;

/**
 * The interviewer's seat: the clock, the prompt and the shared transcript, and beside them the
 * answer key for the step in view with live coverage, probes, facts, the candidate's pad as it is
 * typed, private notes and the step's rating. Through a watch link (`access` of kind `watch`) the
 * same console shows with no clock controls, no message box, and marks, ratings and notes read only.
 */
export function InterviewerConsole({ peer, access }: { peer: PeerRoomApi; access: Access }) {
  const { state, status } = peer;
  const watching = access.kind === 'watch';
  const now = useNow(500);
  const [tab, setTab] = useState<Tab>('rubric');
  const drawer = useSideDrawer('Console');
  const [viewing, setViewing] = useState<StepId | null>(null);
  const [fill, setFill] = useState<(Fill & { prompt: Prompt | null }) | null>(null);
  const { room, clock, console: desk } = state;
  if (!room || !clock || !desk) return null;
  const connected = status.kind === 'open';
  const stoppedAt = peerStoppedAt(room, clock);
  const ended = room.status === 'ended';
  const stepId = viewing ?? clock.currentStep;
  const step = desk.steps.find((s) => s.id === stepId) ?? desk.steps[0];
  if (!step) return null;
  const lastQuestion =
    [...state.transcript].reverse().find((t) => t.role === 'candidate' && t.kind === 'clarification')?.text ??
    '';
  // A probe replaces the draft and says what kind of line it is; a fact is added to the draft
  // (an answer often joins two facts) and keeps the kind of whatever was put there before.
  const put = (text: string, prompt: Prompt) => setFill({ text, n: Date.now(), prompt });
  const add = (text: string) =>
    setFill((last) => ({ text, n: Date.now(), prompt: last?.prompt ?? null, append: true }));

  return (
    <div className={`room peer-room peer-room--interviewer${drawer.open ? ' room--side-open' : ''}`}>
      <aside className="room__rail" aria-label="Clock and steps">
        <PeerCountdown clock={clock} now={now} offset={state.clockOffset} endedAt={stoppedAt} />
        {!ended && !watching && <TimerControls clock={clock} connected={connected} onTimer={peer.timer} />}
        <PeerStepRail clock={clock} now={now} offset={state.clockOffset} endedAt={stoppedAt} />
        <p className="muted small peer-room__who">
          Candidate: {state.presence.candidate ? 'connected' : 'not connected'}
        </p>
        <p className="muted small peer-room__level">{judgedAtText(state.assessment?.level)}</p>
      </aside>

      <section className="room__main" aria-label="Conversation">
        <div className="room__topbar">
          <h1 className="room__title">
            <span className="peer-room__badge">{watching ? 'Interviewer console' : 'Interviewer'}</span>{' '}
            {desk.caseTitle}
          </h1>
          <RoomTools
            observers={state.presence.observers}
            invite={
              access.kind === 'seat' && !ended
                ? { roomId: room.id, token: access.token, views: SHARED_VIEWS }
                : null
            }
            status={status}
            now={now}
            onRetry={peer.reconnectNow}
            drawer={drawer}
          />
        </div>
        <CasePrompt prompt={desk.prompt} />
        {state.notice && (
          <Notice tone="warn" onDismiss={peer.dismissNotice}>
            {state.notice.message}
          </Notice>
        )}
        {state.warning && state.warning.step === clock.currentStep && !ended && (
          <Notice tone="warn">About a minute left in this step: wrap it up or give more time.</Notice>
        )}
        <PeerTranscript
          state={state}
          viewer={watching ? 'observer' : 'interviewer'}
          onRetry={(clientId) => {
            const entry = state.local.find((m) => m.clientId === clientId);
            if (entry) peer.retry(entry);
          }}
          onDiscard={peer.discard}
          empty="Read the case out, then the opening question. What you type here appears in the candidate's transcript."
        />
        {!watching && (
          <MessageBox
            draftKey={`peer-${room.id}-interviewer`}
            label="Message to the candidate"
            placeholder="Type a question or an answer for the candidate…"
            disabledReason={ended ? 'The interview has ended.' : connected ? null : 'Reconnecting…'}
            fill={fill}
            onSend={(text) => {
              const prompt = fill?.prompt;
              peer.say(
                text,
                prompt ? { kind: prompt.kind, ...(prompt.pointId ? { pointId: prompt.pointId } : {}) } : {},
              );
              setFill(null);
            }}
          />
        )}
      </section>

      <SidePanel drawer={drawer} className="console-side" label="Interviewer console">
        <fieldset className="console-steps bare-fieldset">
          <legend className="visually-hidden">Step in view</legend>
          {desk.steps.map((s, i) => (
            <button
              key={s.id}
              type="button"
              className="console-steps__step"
              aria-pressed={s.id === step.id}
              title={s.title}
              onClick={() => setViewing(s.id === clock.currentStep ? null : s.id)}
            >
              {i + 1}
              {s.id === clock.currentStep && <span className="visually-hidden"> (current)</span>}
            </button>
          ))}
        </fieldset>
        <div className="console-tabs" role="tablist" aria-label="Console">
          {TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              aria-selected={tab === t.id}
              className="console-tabs__tab"
              onClick={() => setTab(t.id)}
            >
              {watching ? (t.watched ?? t.label) : t.label}
            </button>
          ))}
        </div>
        <div className="console-panel" role="tabpanel">
          {tab === 'rubric' && (
            <>
              <h2 className="console-panel__title">
                Step {desk.steps.indexOf(step) + 1}: {step.title}
                {step.id !== clock.currentStep && (
                  <span className="muted small"> (not the current step)</span>
                )}
              </h2>
              <ConsoleRubric
                step={step}
                coverage={state.coverage}
                marks={state.assessment?.marks ?? {}}
                connected={connected}
                onMark={watching ? undefined : peer.mark}
                onPrompt={watching ? undefined : (prompt) => put(prompt.text, prompt)}
              />
              <StepRating
                step={step.id}
                title={step.title}
                rating={state.assessment?.ratings[step.id]}
                connected={connected}
                onRate={peer.rate}
                readOnly={watching}
              />
            </>
          )}
          {tab === 'facts' && (
            <ConsoleFacts facts={desk.facts} lastQuestion={lastQuestion} onUse={watching ? undefined : add} />
          )}
          {tab === 'pad' && (
            <div className="console-pad" aria-live="off">
              <MarkdownView
                source={state.pad}
                empty={<p className="muted">The candidate's notes and diagrams appear here as they type.</p>}
              />
            </div>
          )}
          {tab === 'board' && (
            <Whiteboard drawing={state.drawing} connected={connected} readOnly onSave={() => false} />
          )}
          {tab === 'notes' && (
            <PrivateNotes
              serverText={state.assessment?.privateNotes ?? ''}
              connected={connected}
              onSave={peer.privateNotes}
              readOnly={watching}
            />
          )}
        </div>
      </SidePanel>
    </div>
  );
}
