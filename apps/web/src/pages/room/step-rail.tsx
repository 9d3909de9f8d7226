import { StepRailItem } from '../../components/step-rail-item.tsx';
import { formatClock } from '../../lib/countdown.ts';
import { type RoomState, stepUsedMs } from '../../lib/room-state.ts';

/** The seven steps with time used against each budget; the current one is highlighted. */
export function StepRail({ state, serverNow }: { state: RoomState; serverNow: number }) {
  return (
    <ol className="step-rail">
      {state.steps.map((step, i) => (
        <StepRailItem
          key={step.id}
          step={step}
          index={i}
          usedMs={stepUsedMs(state, step, serverNow)}
          current={step.id === state.currentStep}
          planned={`${formatClock(step.budgetMs)} planned`}
          note={step.status === 'skipped' ? ' (skipped)' : ''}
        />
      ))}
    </ol>
  );
}
