import { useState } from 'react';
import { DiagramPad } from '../../components/diagram-pad.tsx';
import { Notice } from '../../components/notice.tsx';
import { peerStoppedAt } from '../../lib/peer/peer-state.ts';
import { useNow } from '../../lib/use-now.ts';
import type { Access } from '../../lib/watch.ts';
import { CasePrompt } from '../room/case-prompt.tsx';
import { RoomTools } from '../room/room-tools.tsx';
import { SidePanel, useSideDrawer } from '../room/side-drawer.tsx';
import { type SideTab, SideTabs, useOpenedOnce } from '../room/side-tabs.tsx';
import { Whiteboard } from '../room/whiteboard.tsx';
import { MessageBox } from './message-box.tsx';
import { PeerCountdown, PeerStepRail } from './peer-clock.tsx';
import { PeerTranscript } from './peer-transcript.tsx';
import type { PeerRoomApi } from './use-peer-room.ts';

/** How soon the pad is sent after a keystroke: the interviewer watches it being written. */
const PAD_DELAY_MS = 300;

/**
 * The candidate's seat: the prompt, the step rail and clock, the shared transcript with an answer
 * box, and the notes and diagram pad. Nothing here comes from the rubric. Through a watch link
 * (`access` of kind `watch`) it is the same screen with no answer box and the pad read only.
 */
export function CandidateView({ peer, access }: { peer: PeerRoomApi; access: Access }) {
  const { state, status } = peer;
  const watching = access.kind === 'watch';
  const now = useNow(500);
  const drawer = useSideDrawer('Notes');
  const [sideTab, setSideTab] = useState<SideTab>('notes');
  const whiteboardOpened = useOpenedOnce(sideTab === 'whiteboard');
  const { room, clock } = state;
  if (!room || !clock) return null;
  const connected = status.kind === 'open';
  const stoppedAt = peerStoppedAt(room, clock);
  const ended = room.status === 'ended';
  const disabledReason = ended
    ? 'The interview has ended.'
    : connected
      ? null
      : 'Reconnecting… your draft is kept.';
  return (
    <div className={`room peer-room peer-room--candidate${drawer.open ? ' room--side-open' : ''}`}>
      <aside className="room__rail" aria-label="Interview progress">
        <PeerCountdown clock={clock} now={now} offset={state.clockOffset} endedAt={stoppedAt} />
        <PeerStepRail clock={clock} now={now} offset={state.clockOffset} endedAt={stoppedAt} />
        <p className="muted small peer-room__who">
          Interviewer: {state.presence.interviewer ? 'connected' : 'not connected'}
        </p>
      </aside>
      <section className="room__main" aria-label="Conversation">
        <div className="room__topbar">
          <h1 className="room__title">{room.caseTitle}</h1>
          <RoomTools
            observers={state.presence.observers}
            invite={access.kind === 'seat' && !ended ? { roomId: room.id, token: access.token } : null}
            status={status}
            now={now}
            onRetry={peer.reconnectNow}
            drawer={drawer}
          />
        </div>
        {room.prompt && <CasePrompt prompt={room.prompt} />}
        {state.notice && (
          <Notice tone="warn" onDismiss={peer.dismissNotice}>
            {state.notice.message}
          </Notice>
        )}
        {clock.pausedAt !== null && !ended && <Notice>The interviewer paused the clock.</Notice>}
        {state.warning && state.warning.step === clock.currentStep && (
          <Notice tone="warn">About a minute left in this step.</Notice>
        )}
        <PeerTranscript
          state={state}
          viewer={watching ? 'observer' : 'candidate'}
          onRetry={(clientId) => {
            const entry = state.local.find((m) => m.clientId === clientId);
            if (entry) peer.retry(entry);
          }}
          onDiscard={peer.discard}
          empty="Your interviewer reads the case out. Answer here, or ask a clarifying question."
        />
        {!watching && (
          <MessageBox
            draftKey={`peer-${room.id}-candidate`}
            label="Your answer or clarifying question"
            placeholder="Answer, or ask a clarifying question…"
            disabledReason={disabledReason}
            onSend={(text) => peer.say(text)}
          />
        )}
      </section>
      <SidePanel drawer={drawer} label="Notes and diagrams">
        <SideTabs tab={sideTab} onTab={setSideTab} />
        <div hidden={sideTab !== 'notes'}>
          <DiagramPad
            serverText={state.pad}
            connected={connected && !ended}
            onSave={peer.pad}
            saveDelayMs={PAD_DELAY_MS}
            readOnly={watching}
            hint={
              watching
                ? "The candidate's notes and diagrams, as they type."
                : 'Your interviewer sees this pad as you type. It counts as your own words in the report.'
            }
          />
        </div>
        {/* Mounted on first open only (Excalidraw loads then), and kept, so a pending save is not lost. */}
        {whiteboardOpened && (
          <div hidden={sideTab !== 'whiteboard'}>
            <Whiteboard
              drawing={state.drawing}
              connected={connected && !ended}
              readOnly={watching || ended}
              onSave={peer.saveDrawing}
            />
          </div>
        )}
      </SidePanel>
    </div>
  );
}
