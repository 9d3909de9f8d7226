import { useEffect, useState } from 'react';
import { DiagramPad } from '../../components/diagram-pad.tsx';
import { Joining } from '../../components/joining.tsx';
import { Notice } from '../../components/notice.tsx';
import { roomClockNow } from '../../lib/room-time.ts';
import { useNow } from '../../lib/use-now.ts';
import { navigate } from '../../lib/use-route.ts';
import type { Access } from '../../lib/watch.ts';
import { AnswerBox } from './answer-box.tsx';
import { CasePrompt } from './case-prompt.tsx';
import { EndDialog } from './end-dialog.tsx';
import { RoomTools } from './room-tools.tsx';
import { SidePanel, useSideDrawer } from './side-drawer.tsx';
import { type SideTab, SideTabs, useOpenedOnce } from './side-tabs.tsx';
import { StepCountdown } from './step-countdown.tsx';
import { StepRail } from './step-rail.tsx';
import { TranscriptView } from './transcript-view.tsx';
import type { RoomApi } from './use-room.ts';
import { Whiteboard } from './whiteboard.tsx';

/**
 * The solo room. The candidate's seat answers, moves on and ends; a watch link (`access` of kind
 * `watch`) sees the same room with no answer box and no controls, and stays when it ends.
 */
export function RoomView({ sessionId, room, access }: { sessionId: string; room: RoomApi; access: Access }) {
  const { state, status } = room;
  const watching = access.kind === 'watch';
  const now = useNow(500);
  const [confirming, setConfirming] = useState(false);
  const [ending, setEnding] = useState(false);
  const [editText, setEditText] = useState<{ text: string; n: number } | null>(null);
  const drawer = useSideDrawer('Notes');
  const [sideTab, setSideTab] = useState<SideTab>('notes');
  const whiteboardOpened = useOpenedOnce(sideTab === 'whiteboard');
  const connected = status.kind === 'open';
  const over = state.ended !== null || state.notice?.code === 'ROOM_ENDED';

  useEffect(() => {
    // The report needs the seat's token: an observer stays on the ended room.
    if (over && !watching) navigate({ name: 'report', sessionId }, { replace: true });
  }, [over, sessionId, watching]);

  // A refused "end" (say, rate limited) must not leave the room stuck in "Ending…".
  useEffect(() => {
    if (state.notice) setEnding(false);
  }, [state.notice]);

  if (!state.session || state.currentStep === null) {
    return <Joining status={status} label="Joining the interview…" />;
  }

  const stepIndex = state.steps.findIndex((s) => s.id === state.currentStep);
  const isLast = stepIndex === state.steps.length - 1;
  const serverNow = roomClockNow(state, now);
  const paused = state.pausedAt !== null;
  const disabledReason = ending
    ? 'Ending the interview…'
    : !connected
      ? status.kind === 'waiting'
        ? `Disconnected; reconnecting in ${Math.max(1, Math.ceil((status.retryAt - now) / 1000))} s. Your draft is kept.`
        : 'Connecting… your draft is kept.'
      : paused
        ? 'The clock is paused. Resume it to send your answer; your draft is kept.'
        : null;

  return (
    <div className={`room${drawer.open ? ' room--side-open' : ''}`}>
      <aside className="room__rail" aria-label="Interview progress">
        <StepCountdown state={state} now={now} />
        {!watching && (
          <button
            type="button"
            className={`button button--block${paused ? ' button--primary' : ''}`}
            onClick={paused ? room.resume : room.pause}
            disabled={!connected || ending}
            title={
              paused
                ? 'Start the clock again; the paused time is not charged to this step.'
                : 'Stop the clock for a break; the report says how long it was paused.'
            }
          >
            {paused ? '▶ Resume' : '❚❚ Pause'}
          </button>
        )}
        <StepRail state={state} serverNow={serverNow} />
        {!watching && (
          <div className="room__controls">
            {!isLast && (
              <button
                type="button"
                className="button button--block"
                onClick={room.nextStep}
                disabled={!connected || ending}
              >
                Next step →
              </button>
            )}
            <button
              type="button"
              className="button button--quiet button--block button--danger-text"
              onClick={() => setConfirming(true)}
              disabled={!connected || ending}
            >
              End interview
            </button>
          </div>
        )}
      </aside>

      <section className="room__main" aria-label="Conversation">
        <div className="room__topbar">
          <h1 className="room__title">{state.session.caseTitle}</h1>
          {state.session.interviewer === 'llm' && (
            <span
              className={`badge room__mode${state.degraded ? ' badge--mentioned' : ''}`}
              title={
                state.degraded
                  ? 'The language model failed or was not available; the offline interviewer took over.'
                  : 'A language model words the interviewer’s questions.'
              }
            >
              {state.degraded ? 'Offline fallback' : 'Language model'}
            </span>
          )}
          <RoomTools
            observers={state.presence.observers}
            invite={access.kind === 'seat' && !over ? { roomId: sessionId, token: access.token } : null}
            status={status}
            now={now}
            onRetry={room.reconnectNow}
            drawer={drawer}
          />
        </div>
        <CasePrompt prompt={state.session.prompt ?? ''} />
        {state.degraded && state.session.interviewer === 'llm' && (
          <Notice tone="warn">
            The language model is not answering, so the offline interviewer is running this interview. Nothing
            you wrote is lost, and the report notes the switch.
          </Notice>
        )}
        {state.notice && (
          <Notice tone="warn" onDismiss={room.dismissNotice}>
            {state.notice.message}
          </Notice>
        )}
        {paused && (
          <Notice>
            {watching
              ? 'The candidate paused the clock.'
              : 'Paused. The clock is stopped and this time is not charged to the step. Resume when you are ready.'}
          </Notice>
        )}
        {state.warning && !paused && state.warning.step === state.currentStep && (
          <Notice tone="warn">
            {watching
              ? 'About a minute left in this step.'
              : 'About a minute left in this step. Wrap up your point, or move on when ready.'}
          </Notice>
        )}
        <TranscriptView
          state={state}
          observer={watching}
          onRetry={room.retry}
          onEdit={(m) => {
            room.discard(m.clientId);
            setEditText({ text: m.text, n: Date.now() });
          }}
          onDiscard={room.discard}
        />
        {!watching && (
          <AnswerBox
            sessionId={sessionId}
            disabledReason={disabledReason}
            onSend={room.send}
            replace={editText}
            transcript={state.transcript}
          />
        )}
      </section>

      <SidePanel drawer={drawer} label="Notes">
        <SideTabs tab={sideTab} onTab={setSideTab} />
        <div hidden={sideTab !== 'notes'}>
          <DiagramPad
            serverText={state.notes}
            connected={connected}
            onSave={room.saveNotes}
            readOnly={watching}
            hint={watching ? "The candidate's notes and diagrams, as they type." : undefined}
          />
        </div>
        {/* Mounted on first open only (Excalidraw loads then), and kept, so a pending save is not lost. */}
        {whiteboardOpened && (
          <div hidden={sideTab !== 'whiteboard'}>
            <Whiteboard
              drawing={room.drawing}
              connected={connected}
              readOnly={watching}
              onSave={room.saveDrawing}
            />
          </div>
        )}
      </SidePanel>

      {!watching && (
        <EndDialog
          open={confirming}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            if (room.end()) setEnding(true);
          }}
        />
      )}
    </div>
  );
}
