import { STEP_IDS } from '@mlsd/protocol';
import { CaseStudy, Framework } from '@mlsd/rubric';

/** Six schema-valid talking points for a step, with probe and strong texts that are easy to tell apart. */
function points(step: string, titles: string[]) {
  return titles.map((title, index) => ({
    id: `${step}-p${index + 1}`,
    title,
    weight: (index % 3) + 1,
    signals: [`${title.toLowerCase()}`, `${step} signal ${index + 1}`],
    probe: `PROBE ${step} ${index + 1}: what would you do about this part of the problem?`,
    strong: `STRONG ${step} ${index + 1}: a strong answer names ${title.toLowerCase()} and explains the trade-off in detail.`,
    // The sixth point has the case's own follow-ups; the others fall back to the general ones.
    followUps:
      index === 5
        ? [
            `FOLLOW-UP ${step} A: how does that hold at this scale?`,
            `FOLLOW-UP ${step} B: what would break first?`,
          ]
        : [],
  }));
}

const stepPoints = (step: string) =>
  points(step, ['First idea', 'Second idea', 'Third idea', 'Fourth idea', 'Fifth idea', 'Sixth idea']);

/** A small news-feed ranking case that satisfies the rubric schema. */
export const fixtureCase: CaseStudy = CaseStudy.parse({
  id: 'feed-ranking-fixture',
  title: 'News feed ranking (test fixture)',
  summary: 'Rank posts in a news feed; a fixture for interviewer tests.',
  levels: ['mid'],
  tags: ['ranking'],
  prompt:
    'We run a social app with a home feed. Design the system that decides which posts each user sees first, from requirements to monitoring.',
  facts: [
    {
      id: 'user-scale',
      cues: ['how many users', 'daily active', 'user base', 'scale'],
      answer: 'About 50 million daily active users, each opening the feed 6 times a day.',
    },
    {
      id: 'latency',
      cues: ['latency', 'response time', 'how fast', 'milliseconds', 'time budget'],
      answer: 'The feed must render in 200 ms at p99; ranking gets 60 ms of that.',
    },
    {
      id: 'candidates',
      cues: ['how many posts', 'candidate posts', 'inventory', 'new posts per day'],
      answer:
        'Each user has about 2,000 eligible posts from friends and pages; 40 million posts are created a day.',
    },
    {
      id: 'engagement-labels',
      cues: ['labels', 'engagement signals', 'likes', 'clicks', 'dwell time'],
      answer: 'We log likes, comments, shares, clicks and dwell time for every impression, within a minute.',
    },
    {
      id: 'business-goal',
      cues: ['business goal', 'objective', 'success', 'what are we optimizing'],
      answer: 'Leadership wants more daily sessions per user without raising the rate of hidden posts.',
    },
    {
      id: 'existing-system',
      cues: ['existing system', 'current ranking', 'baseline', 'today'],
      answer: 'Today the feed is reverse-chronological with a few hand-tuned boosts for close friends.',
    },
    {
      id: 'privacy',
      cues: ['privacy', 'gdpr', 'consent', 'regulation'],
      answer: 'About 20% of users are in the EU; private messages may never be used as features.',
    },
    {
      id: 'hardware',
      cues: ['gpu', 'hardware', 'compute', 'infrastructure cost'],
      answer: 'Serving runs on CPUs; a small GPU pool is available for training only.',
    },
    {
      id: 'languages',
      cues: ['languages', 'countries', 'international', 'locales'],
      answer: 'The app is used in 30 countries; 60% of posts are not in English.',
    },
  ],
  steps: Object.fromEntries(
    STEP_IDS.map((step) => [
      step,
      { opening: `CASE OPENING for ${step}: how would you approach it?`, points: stepPoints(step) },
    ]),
  ),
  curveballs: [
    {
      id: 'creator-push',
      step: 'data',
      text: 'Product now wants posts from new creators to reach at least 5% of impressions.',
      expects: 'The candidate adds an exploration budget and measures creator retention.',
    },
    {
      id: 'latency-cut',
      step: 'serving',
      text: 'The mobile team cuts the ranking budget to 20 ms on low-end phones.',
      expects: 'The candidate uses a lighter model or precomputed rankings for those devices.',
    },
  ],
});

/** A schema-valid framework with generic openings and three points per step. */
export const fixtureFramework: Framework = Framework.parse({
  steps: STEP_IDS.map((id, index) => ({
    id,
    title: [
      'Requirements and scope',
      'Framing as an ML task',
      'Data',
      'Model',
      'Evaluation',
      'Serving',
      'Monitoring',
    ][index],
    purpose: `The purpose of the ${id} step, in one sentence.`,
    minutes: [5, 4, 8, 9, 7, 7, 5][index],
    opening: `GENERIC OPENING for ${id}: where would you start?`,
    points: points(`generic-${id}`, ['Generic one', 'Generic two', 'Generic three']),
  })),
});
