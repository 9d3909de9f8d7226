/** Realistic clarifying questions per real case, and the fact each should get. */
export const REAL_CASE_QUESTIONS: Record<string, [question: string, factId: string][]> = {
  'ad-click-prediction': [
    ['Roughly how many daily users does the platform have?', 'user-scale'],
    ["What's the p99 latency budget for scoring?", 'latency-budget'],
    ['What is the average CTR?', 'base-rate'],
    ['How quickly do we get click labels after an impression?', 'label-delay'],
    ['Are there GDPR or consent restrictions in Europe?', 'privacy-consent'],
    ['What model is used today?', 'existing-system'],
  ],
  'eta-prediction': [
    ['How many orders do we handle per day?', 'order-volume'],
    ['Where do the ground-truth labels come from?', 'label-quality'],
    ['What does the current approach look like?', 'current-system'],
    ['What does the product team want as a target?', 'product-targets'],
    ['How are couriers assigned to orders?', 'dispatch-and-batching'],
  ],
  'event-recommendation': [
    ['How many events are listed at any time?', 'scale-users-events'],
    ["Do we know the user's location?", 'location-data'],
    ['Can we use the friends graph?', 'social-graph'],
    ['How are events monetized?', 'business-model'],
  ],
  'harmful-content-detection': [
    ['How rare is harmful content?', 'prevalence'],
    ['How many human moderators do we have?', 'human-review'],
    ['Which languages do we need to support?', 'languages'],
  ],
  'news-feed-ranking': [
    ['How many posts are eligible for each user?', 'candidate-inventory'],
    ['Do we run user satisfaction surveys?', 'survey-data'],
    ['Are there integrity classifiers for misinformation?', 'integrity-classifiers'],
  ],
  'people-you-may-know': [
    ['How many connections does an average member have?', 'graph-shape'],
    ['Are there limits on invitations to prevent spam?', 'invite-limits'],
    ["What's the acceptance rate of suggestions?", 'label-rates'],
  ],
  'ride-pricing': [
    ['Can we run randomized price experiments?', 'price-experiments'],
    ['How price sensitive are riders?', 'conversion-rates'],
    ['Are there legal caps on surge prices?', 'regulation'],
  ],
  'similar-listings': [
    ['How many listings are there?', 'scale-listings'],
    ['How many visitors are logged out?', 'logged-out-traffic'],
    ['Do prices change with seasonality?', 'availability-pricing'],
  ],
  'street-view-blurring': [
    ["What's the resolution of each panorama?", 'image-resolution'],
    ['How small can faces be, in pixels?', 'object-sizes'],
    ['What recall target does legal require?', 'legal-targets'],
  ],
  'video-recommendation': [
    ['How many videos are in the catalogue?', 'catalogue'],
    ['What is the business goal?', 'business-goal'],
    ['Is there a GPU budget?', 'compute-budget'],
  ],
  'video-search': [
    ['What metadata do we have for each video?', 'video-metadata'],
    ['Do we have human raters for relevance?', 'human-ratings'],
    ['What do people typically search for?', 'query-mix'],
  ],
  'visual-search': [
    ['How many products are in the catalog?', 'catalog-size'],
    ['What do the user photos look like, are they screenshots?', 'query-photos'],
    ['Do we have a budget for labeling?', 'labeling'],
  ],
};

/** Questions no case has a fact for. */
export const UNANSWERABLE = [
  "What's the office dress code?",
  'How many engineers are on the team?',
  'Should the model be interpretable for regulators?',
];
