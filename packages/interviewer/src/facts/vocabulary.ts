/**
 * The words of ML system design interviews, shared by every case. Each group lists phrasings of one
 * idea, separated by "|"; retrieval turns every phrasing into the group's one term, so "response time"
 * in a question meets the cue "latency". Groups hold general interview vocabulary, not a case's wording.
 * A phrasing listed by two groups gives both terms ("moderation" stems like "moderator").
 */
export const SYNONYMS: Readonly<Record<string, string>> = {
  // How a question asks: for a quantity, a duration, a share. Kept apart from the thing asked about.
  amount: 'how many|how much|headcount|how big|how large|how huge|number of|amount|count',
  // The size of the system as a subject: "what is the scale?".
  scale: 'scale|size|sized|volume|total',
  time: 'how fast|how quick|how quickly|how soon|how long|how much time|speed|duration|quickly|how long until|how long before|how long between|how long after|how soon after|how quickly after|how long till|how long til|how many seconds|how many minutes|how many hours|how many days|how many weeks|how many months|within how long|within how many|within what time',
  rate: 'how often|how frequently|how common|how rare|how many times|frequency|what share of|share of|percentage|percent|fraction|proportion|portion|ratio|rate',
  know: 'know|find out|figure out|tell whether|tell if|learn about|learn of|hear about|hear of',
  existing:
    'existing|current|currently|today|now|right now|already|at the moment|in place|in production|in prod|prod|in use|stack|tech stack|baseline|status quo|so far|nowadays|these days|presently|legacy',
  heuristic: 'rule|rules engine|heuristic|hand-tuned|hand tuned|hand-written|formula|hard-coded',
  delay:
    'delay|delayed|lag|show up|shows up|showed up|take until|takes until|take till|before we know|before we learn|before we find out|how long until|how long before|how long between|how long after|how soon after|how quickly after|how long till|how long til|until|till|when do|when does|when do we know|when will we know|feedback loop|time between|days between|gap between|pass between|pass before|time from|take to accept|before we hear|until we hear|how long is it between|how long is it from|how long does it take from|how long from',
  latency:
    'latency|instant|instantly|immediate|immediately|right away|response time|respond|response deadline|deadline|time limit|timeout|first token|start streaming|milliseconds|millisecond|ms|p99|p95|p50|sla|time budget|latency budget|real time|real-time|realtime|slow|wait|be returned|come back|comes back|render',
  users:
    'user|people|person|ppl|dau|mau|daily active|monthly active|weekly active|user base|audience|member|customer|visitor|shopper|subscriber|who uses|who will use|who is using|who would use',
  traffic:
    'traffic|qps|rps|tps|per second|a second|each second|every second|per sec|a sec|a minute|per minute|load|throughput|peak|rush|rush hour|busiest|page view|page load|query rate|request rate',
  catalog:
    'catalog|catalogue|inventory|listing|item|product|corpus|sku|assortment|library|pool|document collection|knowledge base|what do we sell|what we sell|what is sold|for sale|to pick from|to choose from|pick from|choose from|select from|recommend from',
  document: 'document|doc|file',
  data: 'data|log|logging|signal|feature|history|historical|record|clickstream|telemetry|information|info|data available|what do we know',
  label:
    'label|labelled|labeled|labeling|labelling|annotation|annotate|ground truth|judgment|judgement|judge|grade|grading|relevance label|relevance rating|human rating|graded',
  reviewer:
    'reviewer|moderator|moderation|rater|grader|analyst|human review|manual review|by hand|manually|human|people who can rate|people who rate|people to rate|someone to rate|someone who can rate|people who can score|people to score|people who can label|people to label|people who label|people who can check|people to check',
  ctr: 'ctr|click-through|click through|click rate|click-through rate|click through rate',
  balance: 'class balance|imbalance|imbalanced|positive rate|base rate|prevalence|skew|rare',
  cold: 'cold start|cold-start|brand new|no history|no interactions|long tail|long-tailed|long tailed|sparse',
  fresh:
    'freshness|fresh|stale|update|recency|recent|edit|up to date|refresh|recompute|recalculate|reflected',
  location:
    'location|gps|geo|geolocation|coordinates|distance|radius|nearby|position|where is the user|where the user is|where users are|where they are|where people are|how far|far away|far apart|apart|distant|km|kilometre|kilometer|mile|travel|area|zone',
  social: 'friend|social|social graph|friend graph|connection|follower|follow',
  language: 'language|multilingual|english|non-english|translation|translate|locale',
  region: 'country|region|international|geography|global|worldwide|market|eu|europe|european|emea',
  privacy:
    'privacy|gdpr|consent|opt in|opt-in|opt out|opt-out|personal data|pii|ccpa|data residency|residency|sovereignty',
  regulation: 'regulation|regulatory|legal|law|compliance|regulator|government|legislation',
  explain:
    'explainability|explainable|explain|explanation|interpretable|interpretability|transparency|give a reason|statement of reasons|reason code|show why|tell why|why someone|why something',
  compute:
    'gpu|graphics card|graphic card|video card|compute|hardware|cpu|infrastructure|infra|cluster|accelerator|tpu|server|machine',
  // "Can we pay raters?" asks what we spend; "do sellers pay?" asks about billing (below).
  cost: 'cost|costly|expensive|spend|spending|dollar|at what price|we pay|pay people|pay someone|pay a vendor|we buy|buy more|downside|drawback',
  keep: 'retention|retain|keep|kept|store|storage|delete|deletion|purge',
  remove: 'remove|removal|take down|takedown|take it down|take them down|delete|deletion',
  access:
    'access|access control|permission|acl|who can see|can see|who can access|allowed to see|visible|visibility|restricted|confidential|off limits|off-limits|see every|see everything|see all|see each|everyone see|everybody see|who sees what',
  typo: 'typo|misspelling|misspelled|misspell|spelling mistake|spelling error',
  purchase: 'purchase|buy|bought|buyer',
  click: 'click|clicked',
  money:
    'revenue|monetization|monetize|monetise|money|business model|earn|commission|fee|profit|take rate|our cut|a cut|what cut',
  goal: 'goal|objective|what does good look like|what does a good|what makes a good|what makes good|what counts as good|what counts as a good|what good means|what good would mean|good means|what counts as a win|what would count as a win|define good|definition of good|good result|good search result|improve|improvement|success|kpi|north star|optimize|optimise|success criteria|success metric|main metric|primary metric|key metric|headline metric|north star metric|top metric|aim|aiming|target|cares about|care about|care most about|cares most about|main thing|what matters|matters most|doing well|going well|working well|measure success|how we measure|how do we measure|went well|go well|goes well|gone well',
  experiment: 'experiment|a/b test|a/b testing|ab test|randomized|randomised|switchback',
  abuse:
    'spam|bot|abuse|fake account|invalid|fraud|fraudulent|scam|accidental|fat finger|fat-finger|misclick|actually bad|bad ones|garbage|junk|bogus|fake|not real|by mistake|by accident|accidentally',
  adversary:
    'adversarial|adversary|evasion|evade|bad actor|attacker|bypass|dodge|adapt|trick|game the system|get around|get past|sneak|sneak past|circumvent|work around|workaround|slip past|slip through',
  policy:
    'policy|moderation|trust and safety|integrity|borderline|violating|violate|violation|actually bad|bad ones|bad content|bad posts',
  type: 'kind|type|sort of|category|vertical|mix|breakdown|split',
  rank: 'rank|ranking|ranker|sort|sorted|prioritize|prioritise|reorder',
  small: 'small|smallest|tiny|little|minimum size|handful|a handful|fewer|very few|only a few',
  length: 'length|short|word count|how many words',
  price: 'price|pricing|fare|priced',
  // A shopper's or guest's review of a product, not a human reviewer's judgment.
  opinion: 'customer review|product review|review photo|review score|star rating|guest review',
  home: 'home|house|homeowner|household|residence',
  plate: 'plate|license plate|licence plate|number plate|registration plate',
  photo: 'photo|photograph|image|picture|imagery|panorama|frame|snapshot|pic|pics',
  video: 'video|clip',
  trip: 'trip|ride|journey',
  feedback:
    'feedback|thumbs|thumbs up|thumbs down|satisfaction|survey|questionnaire|explicit rating|ask users|ask people|ask customers|ask the user',
  accuracy:
    'accurate|accuracy|inaccurate|reliable|reliability|unreliable|noise|noisy|trustworthy|clean|messy|dirty|perform|performs|performance|how well',
  action: 'action|what can we do|what we can do|options|possible actions|intervention|enforcement',
  login:
    'logged in|logged-in|logged out|logged-out|log in|login|log out|sign in|signed in|signed-in|signed out|sign-in|anonymous|who the user is|who the shopper is|who the customer is|who the visitor is|who the member is|who they are|who someone is',
  resolution: 'resolution|megapixel|pixel count|how many pixels|pixels per|hd|4k',
  channel: 'in store|in-store|in person|point of sale|card present|physical store|brick and mortar',
  day: 'day|daily|daily active|dau|per day|a day|each day|every day',
  week: 'week|weekly|per week',
  month: 'month|monthly|per month',
  year: 'year|yearly|annual|annually|per year',
  // Who builds the system: interviews ask, cases never say. Grouped so "data science" is not "data".
  staff: 'engineer|data scientist|data science|team size|staff|staffing|hiring|hire',
  project:
    'deadline for the project|deadline for this project|deadline for our project|project deadline|timeline|roadmap|milestone|launch date|release date|launch deadline|deadline',
  ads: 'ad|ads|advert|advertising|advertisement|advertiser|sponsored|promoted',
  notification: 'notification|push notification|push|email|newsletter|digest|notify',
  // Product and policy words that recur across cases, each with its everyday paraphrases.
  minor: 'minor|under 18|under-18|teen|teenager|teenage|child|children|kid|underage|youth',
  limit: 'limit|cap|capped|ceiling|maximum|max|at most|upper bound|no more than|threshold',
  signup:
    'sign up|signs up|signed up|signing up|sign-up|signup|register|registration|registrant|join|joined|enrol|enroll|new account',
  batch:
    'batch|batching|batched|bundle|bundled|stack|stacked|more than one order|multiple orders|two orders|several orders|second order|same trip|same run|pool|pooling',
  weather: 'weather|rain|raining|rainy|snow|snowing|storm',
  churn:
    'churn|churned|stop using|stops using|stopped using|quit|attrition|deactivate|deactivated|give up|leave the platform',
  billing: 'charge|charged|charging|billing|billed|bill|pay|pays|paid|paying|payout',
  // Product vocabulary that recurs across cases (marketplaces, payments, feeds), with its paraphrases.
  evaluation: 'eval|evals|evaluation|evaluate|evaluating|test set|eval set|golden set|benchmark',
  date: 'date|dates|trip dates|travel dates|stay dates|check-in|check-out|calendar',
  accept: 'accept|accepted|acceptance|approve|approved|approval',
  attend: 'attend|attendance|attendee|show up|showed up|shows up|no-show|turn up|turned up',
  transaction: 'transaction|payment|charge|card payment',
  decision: 'decision|decide|verdict',
  worth: 'worth|worthwhile|worth it',
  duplicate:
    'duplicate|duplicated|dupe|dupes|near-duplicate|near duplicate|identical copies|deduplication|dedup|dedupe',
  unseen: "unseen|not seen|not yet seen|never seen|haven't seen|hasn't seen|havent seen",
  launch: 'launch|launched|launches|expand|expanding|expansion|roll out|rolled out|rollout',
  message: 'message|messages|messaging|private message|direct message|dm|dms|inbox|chat',
  validity:
    'valid|validity|expire|expiry|expiration|honor|honored|honour|honoured|guarantee|guaranteed|price lock|locked in|lock in|lock it in|lock the price',
  vary: 'vary|varies|varied|variation|differ|differs|difference',
  appeal: 'appeal|appealed|overturn|overturned|reverse|reversed|dispute|disputed|contest',
  hop: 'two hop|2-hop|2 hop|second degree|second-degree|friend of friend|friends of friends|mutual connection|mutual friend|neighbourhood|neighborhood',
};

/** Phrases of the asking that hold a content word: "what do queries look like", "I'd like to know". */
export const IGNORED_PHRASES =
  'look like|looks like|would like|like to know|feel like|something like|such as|for example|at a time|at once|at the same time|per request|per query|per call|quick question|quick one|what happens|what happened|' +
  // "How many people use the product?": the product is the app, like "the platform", not an item sold.
  'use the product|uses the product|using the product|on the product|on here|' +
  // "Rules we must follow": obeying a rule, not following an account.
  'must follow|have to follow|has to follow|need to follow|needs to follow|should follow|rules to follow|' +
  // What one thing becomes, in a share question: "impressions that *end in* a click".
  'end in|ends in|ended in|end up|ends up|ended up|turn into|turns into|turned into|result in|results in|resulted in';

/** Looser kinship between groups: a fact with the related term earns part of the credit. */
export const RELATED: readonly (readonly [string, string])[] = [
  ['users', 'traffic'],
  ['latency', 'time'],
  ['fresh', 'time'],
  ['privacy', 'regulation'],
  ['label', 'reviewer'],
  ['label', 'data'],
  ['abuse', 'adversary'],
  ['existing', 'heuristic'],
  ['goal', 'money'],
  ['language', 'region'],
  ['balance', 'rate'],
  ['ctr', 'rate'],
  ['ctr', 'click'],
  ['compute', 'cost'],
  ['cost', 'money'],
  ['keep', 'privacy'],
  ['small', 'scale'],
  // Who may see what is a privacy question: "restrictions on who can be suggested to whom".
  ['access', 'privacy'],
  ['length', 'scale'],
  ['amount', 'scale'],
];

/**
 * Groups that say how something is asked rather than what about, with the share of their weight they
 * keep: they settle ties, they do not decide. "How fast" keeps more: it nearly names latency.
 */
export const INTENTS: ReadonlyMap<string, number> = new Map([
  ['amount', 0.5],
  ['rate', 0.5],
  ['know', 0.5],
  ['time', 0.75],
]);

/**
 * Groups that qualify a subject rather than name one: "the latency *target*", "how often are appeals
 * *successful*", "per *day*", "the response time *limit*", or that mostly ask ("how soon after": a delay). When no fact has one, the case still covers the subject it qualifies,
 * so it weighs as an unknown plain word, not as an interview concept the case leaves out.
 */
export const MODIFIERS: ReadonlySet<string> = new Set([
  'goal',
  'existing',
  'type',
  'rank',
  'small',
  'length',
  'accuracy',
  'limit',
  'delay',
  'day',
  'week',
  'month',
  'year',
]);

/**
 * The thing being designed, as a question names it: "how quickly does *the model* need to answer?".
 * A case that never says "model" still covers the question; a case that does can still match it.
 */
export const FRAME: ReadonlySet<string> = new Set([
  'model',
  'system',
  'service',
  'pipeline',
  'algorithm',
  'prediction',
  'predict',
  'inference',
  'serve',
  'serving',
  'estimate',
  'eta',
]);

/**
 * Words of the asking, never the subject: filler and politeness ("um, quick question, could you tell
 * me..."), and the frame of a question: light and very common verbs ("happen", "turn into", "carry"),
 * qualifiers of any subject ("overall", "single", "actually bad"), the candidate's own stance ("before
 * I design anything", "I'm worried about...") and the product itself ("the app", "the platform"). They match nothing, so they cannot drown the
 * real question, nor pass for a subject the case does not know.
 */
export const IGNORED: ReadonlySet<string> = new Set(
  `um umm uh uhh er erm hmm hm ah oh ok okay alright right cool great nice awesome perfect sure yes yeah yep
  so well sorry thanks thank please quick question one more thing another follow up followup wonder wondering
  curious clarify clarification tell ask asking mind miss missed idea just actually basically really
  maybe probably also anyway btw guess assume assumption roughly approximately exactly typical typically
  usually generally thing something anything detail details sense good else besides lot bit stuff way part
  get got have need want look use happen come make go going work give see say think let generate
  produce understand mean able possible expect expected help helpful check checking start try trying turn
  open move carry run put set bring include provide allow appear remain reach pass continue begin seem
  find particular certain instead long everything problem issue show shown hope hoping matter
  versus vs bad overall whole entire single actual realistic realistically specific specifically ballpark
  rough main setup raw design redesign propose careful worried worry scoping
  platform app application site website company team match matched whats hows whos wheres whens whys
  requirement requirements`.split(/\s+/),
);
