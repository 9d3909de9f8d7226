import type { CaseSummary } from '@mlsd/protocol';
import { useEffect, useMemo, useRef, useState } from 'react';
import { LoadError } from '../../components/load-error.tsx';
import { Loading } from '../../components/loading.tsx';
import { api } from '../../lib/api.ts';
import { type CaseFilter, caseFacets, filterCases } from '../../lib/case-filter.ts';
import { errorMessage } from '../../lib/errors.ts';
import { browserStore, saveSessionKey } from '../../lib/storage.ts';
import { useAsync } from '../../lib/use-async.ts';
import { navigate } from '../../lib/use-route.ts';
import { CreatePeerPanel } from '../peer/create-peer-panel.tsx';
import { CaseCard } from './case-card.tsx';
import { CaseFilters } from './case-filters.tsx';
import { ResumeBanner } from './resume-banner.tsx';
import { type StartChoices, StartPanel } from './start-panel.tsx';

export function HomePage({ initialCaseId }: { initialCaseId: string | null }) {
  const cases = useAsync(api.cases, []);
  const health = useAsync(api.health, []);
  const [filter, setFilter] = useState<CaseFilter>({ query: '', level: '', tag: '' });
  const [selectedId, setSelectedId] = useState<string | null>(initialCaseId);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<string | null>(null);

  const all = cases.status === 'ok' ? cases.value : [];
  const facets = useMemo(() => caseFacets(all), [all]);
  const shown = useMemo(() => filterCases(all, filter), [all, filter]);
  const selected = all.find((c) => c.id === selectedId) ?? null;
  const loaded = cases.status === 'ok';
  const side = useRef<HTMLDivElement>(null);

  // Where the start panel sits below the cards (a phone), choosing a case brings it into view;
  // otherwise a tap seems to do nothing.
  function choose(id: string) {
    setSelectedId(id);
    // On a phone the panel sits below the cards and is taller than the screen: once it has drawn
    // the chosen case (its levels change its height), bring its Start button into view.
    requestAnimationFrame(() => {
      const start = side.current?.querySelector('button[type="submit"]');
      if (start && start.getBoundingClientRect().bottom > window.innerHeight) {
        start.scrollIntoView({ block: 'center' });
      }
    });
  }

  // Arriving from a suggestion ("#/start/<case>"): bring the chosen card into view.
  useEffect(() => {
    if (!loaded || !initialCaseId) return;
    document
      .querySelector(`[data-case-id="${CSS.escape(initialCaseId)}"]`)
      ?.scrollIntoView({ block: 'center' });
  }, [loaded, initialCaseId]);

  async function start({ level, ...choices }: StartChoices) {
    if (!selected) return;
    setStarting(true);
    setStartError(null);
    try {
      const created = await api.createSession({
        caseId: selected.id,
        ...choices,
        ...(level === null ? {} : { level }),
      });
      saveSessionKey(browserStore(), {
        id: created.id,
        token: created.token,
        caseId: selected.id,
        caseTitle: selected.title,
        createdAt: Date.now(),
      });
      navigate({ name: 'room', sessionId: created.id });
    } catch (error) {
      setStartError(errorMessage(error));
      setStarting(false);
    }
  }

  return (
    <div className="home page">
      <section className="home__cases" aria-labelledby="home-title">
        <header className="page-head">
          <h1 id="home-title">Practice an ML system design interview</h1>
          <p className="lede">
            Pick a case, choose a length, and work through the seven steps with the interviewer. Every point
            you cover is credited with your own words in the report.
          </p>
        </header>
        <ResumeBanner />
        <CaseFilters
          filter={filter}
          onChange={setFilter}
          facets={facets}
          total={all.length}
          shown={shown.length}
        />
        {cases.status === 'loading' && <Loading label="Loading cases…" />}
        {cases.status === 'error' && (
          <LoadError error={cases.error} onRetry={cases.reload} what="the cases" />
        )}
        {cases.status === 'ok' && <CaseGrid cases={shown} selectedId={selectedId} onSelect={choose} />}
      </section>
      <div className="home__side" ref={side}>
        <StartPanel
          selected={selected}
          health={health.status === 'ok' ? health.value : null}
          busy={starting}
          error={startError}
          onStart={start}
        />
        <CreatePeerPanel selected={selected} />
      </div>
    </div>
  );
}

function CaseGrid({
  cases,
  selectedId,
  onSelect,
}: {
  cases: CaseSummary[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  if (cases.length === 0) {
    return (
      <p className="empty">No case matches these filters. Clear the search or pick another level or tag.</p>
    );
  }
  return (
    <fieldset className="case-grid">
      <legend className="visually-hidden">Case study</legend>
      {cases.map((c) => (
        <CaseCard key={c.id} item={c} selected={c.id === selectedId} onSelect={() => onSelect(c.id)} />
      ))}
    </fieldset>
  );
}
