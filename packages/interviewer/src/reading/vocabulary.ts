/**
 * Words that tell design talk from talk about the world of the case, and either from small talk.
 * They are case-independent: method names and system nouns any ML design case uses.
 */

/** Methods and modelling choices: a question built on these proposes a design. */
const DESIGN = String.raw`models?|baselines?|loss|encoders?|embeddings?|rankers?|re-?rank\w*|retrievers?|regression|classif\w+|trees?|gbdts?|xgboost|lightgbm|networks?|neural|transformers?|bert|clip|two-tower|towers|(?:query|item|user|document|ad) tower|cross-?encoders?|bandits?|ann|hnsw|faiss|cluster\w*|thresholds?|metrics?|ndcg|precision|recall|auc|mae|rmse|labels?|features?|heuristics?|rules?|rule-based|cascade|filters?|cach\w+|downsampl\w+|sampl\w+|calibrat\w+|fine-?tun\w+|distill\w*|hash\w*|dedup\w*|bm25|fusion|factori[sz]ation|sigmoid|softmax|entropy|boost\w*|ensembles?|negatives|positives|train\w*|retrain\w*|inference|objective|optimi[sz]\w*|multi-task|gnn|bloom|knn|nearest neighbou?rs?|logistic|bayes|cnn|rnn|lstm|attention|pipelines?|refresh(?:es|ed|ing)?|tf-?idf|bag[- ]of[- ]words|n-?grams?|\w+2vec|(?:time-based|temporal|chronological|random|stratified|train(?:ing)?[/ -](?:test|val\w*)) splits?|svms?|pca|k-?means|random forests?|naive bayes|collaborative filtering|matrix factori[sz]ation|dcn|deepfm|wide (?:and|&) deep|lambdamart|lambdarank|dlrm|resnet|vit|gru|graph neural|autoencoders?|contrastive|triplet|siamese|retriev\w*|imbalance\w*|feedback loops?|(?:position|selection|popularity|exposure|presentation) bias|leakage|overfit\w*|underfit\w*|drift|cold[- ]start|outliers?|sparsity|hold-?outs?|validation|(?:test|training|train|eval\w*) sets?|folds?|streaming|offline|online|index\w*|exploration|weights?|scores?|predict\w*|heads?|layers?|quanti[sz]\w*|shards?`;

/**
 * Nouns of the systems and data an ML case is about. Everyday nouns that are also items in some
 * case (songs, books, hotels) are left out: small talk mentions them too.
 */
const CONTEXT = String.raw`users?|latency|traffic|qps|data|dataset|log\w*|clicks?|impressions?|ads?|advertisers?|catalog(?:ue)?|items?|documents?|passages?|quer(?:y|ies)|search\w*|transactions?|fraud\w*|couriers?|listings?|moderat\w+|gdpr|privacy|budget|gpus?|cpus?|scale|regions?|eta|pricing|ctr|conversions?|sessions?|engagement|retention|revenue|sla|p\d\d|ms|throughput|storage|servers?|api|platform|system|service|inventory|signals?|spam|a\/b|experiments?|deliver\w*|demand|supply|requests?|arrival|limits?|caps?|laws?|regulat\w*|legal|compliance|surge|multipliers?|graphs?|nodes?|edges?|hops?|one-hop|two-hop|lookups?|neighbou?rhoods?`;

/** The design words as one alternation, for patterns that need one of them in a place. */
export const DESIGN_WORDS = DESIGN;
const DESIGN_WORD = new RegExp(String.raw`\b(?:${DESIGN})\b`, 'i');
const DOMAIN_WORD = new RegExp(String.raw`\b(?:${DESIGN}|${CONTEXT})\b`, 'i');

/** First-person or modal design voice: "we'd", "I would", "we could", "the ranker would". */
const DESIGN_VOICE =
  /\b(?:we|i)(?:'d|'ll| would| will| could| can| should| might| need to)\b|\b(?:would|could|should|might)\b/i;

/**
 * Nouns that tie a sentence to the case rather than to the world or the people in the room: the
 * product, the people it serves, its records.
 */
const CASE_ANCHOR =
  /\b(?:app|apps|product|products|assistants?|chatbots?|carousels?|modules?|widgets?|platform|site|website|company|business|docs|project|feed|marketplace|customers?|riders?|drivers?|sellers?|buyers?|hosts?|guests?|members?|viewers?|creators?|merchants?|shoppers?|moderators?|engineers?|agents?|analysts?|visitors?|listeners?|readers?|patients?|students?|employees?|staff|workers?|travell?ers?|passengers?|tenants?|subscribers?|followers?|authors?|publishers?|developers?|clients?|vendors?|suppliers?|partners?|stores?|warehouses?|markets?|fleet|orders?|trips?|rides?|posts?|videos?|photos?|images?|jobs?|events?|emails?|reviews?|reports?|accounts?|payments?|bookings?|content|uploads?|results?|numbers|stats|statistics|figures|details|info|information|estimates?|constraints?|requirements?|scope|peaks?|spikes?|seasonal\w*|trends?|volumes?|growth|distribution|fraction|percentage|proportion|median)\b/i;

/**
 * Verbs of building a model, whatever their object: "calibrate", "chunk", "dedup", "shard". Verbs
 * that also name what the product must do ("support", "filter", "remove", "label", "serve") are
 * left out: "do we need to remove personal data?" asks a requirement. "Use X as Y" proposes a role
 * for X ("use blur reports as hard examples?"); a bare "use X?" may ask what is allowed.
 */
const DESIGN_VERB =
  /^(?:(?:just|also|first|then|really|still|maybe|even|actually|every (?:minute|hour|day|night|week)|each (?:minute|hour|day|night|week)|nightly|hourly|daily) )*(?:watch\b(?! time)|monitor|measure\b|track\b|alert on|(?:pre|re)?compute (?!budget|cost|capacity|limit)|store (?:the|them|it|prices|scores|features|embeddings|results)|(?:re)?calibrat|(?:re)?balanc|break (?:it |this |the \w+ )?(?:down|up|into)|decompos|cap\b|capping|boost|demot|penali[sz]|diversif|interleav|(?:re|pre)?train|fine-?tun|distil|de-?dup|chunk|split|tokeni[sz]|embed|cluster|bucket|bin(?:s|ning|ned)?\b|normali[sz]|standardi[sz]|(?:down|up|over|under|sub|re)?sampl|re-?weight|weight|imput|encod|one-hot|hash|shard|partition|cach|pre-?comput|index|re-?rank|rank|threshold|ensembl|stack|blend|quanti[sz]|prun|augment|featuri[sz]|backfill|fall ?back to|default to|roll ?back to|a\/b test|ab test|(?:cross-?)?validat|evaluat|regulari[sz]|smooth|tun(?:e|ing)\b|optimi[sz]|predict|classif|segment|retriev|mine\b|mining|discreti[sz]|clip|truncat|mask|aggregat|treat\b|frame\b|formulat|log-transform|model(?:s|ing|ling)?\b|worry about (?:\w+ing|the \w+ing)|bother with|til(?:e|ing)\b|crop\b|cropping|resiz|downscal|upscal|use [^?]{1,40}? as (?:an? |the )?(?:\w+ )?(?:labels?|negatives?|positives?|examples?|features?|signals?|targets?|ground truth|training data|weak)|hold (?:out|back) )/i;

export const hasDesignWord = (text: string) => DESIGN_WORD.test(text);
/** Opens with a verb of building a model: "calibrate the scores", "dedup listings". */
export const opensWithDesignVerb = (text: string) => DESIGN_VERB.test(text);
/** Ties the sentence to the case: a design or system word, the team, the product or its people. */
/** The team building the system: "do we also need to blur pets?" is about the case. */
const TEAM = /\b(?:we|our|ours|us)\b/i;

export const hasCaseAnchor = (text: string) =>
  DOMAIN_WORD.test(text) || CASE_ANCHOR.test(text) || TEAM.test(text);
/** A noun of the case (a design or system word, the product or its people), not just "we". */
export const hasCaseNoun = (text: string) => DOMAIN_WORD.test(text) || CASE_ANCHOR.test(text);
export const hasDomainWord = (text: string) => DOMAIN_WORD.test(text);
export const hasDesignVoice = (text: string) => DESIGN_VOICE.test(text);

/**
 * Words the reading hinges on, so a typo in one ("mvoe", "shuold", "plaese") is mended before
 * reading: requests, the interview's own words, question words and a few design words.
 */
const KEYWORDS = `what where which when there their about have does would could should with the and you can
  please thanks thinking think focusing focus interviewer interviewers instructions instruction prompt finish
  terminate direction looking continue report reasonable whether answer expect expected expecting missing
  overlooking something anything everything considered consider covered cover evaluation features metrics
  serving monitoring deployment modelling modeling requirements session interview rubric grader feedback
  minutes remaining question questions section thoughts suggest recommend approach prioritise prioritize
  blanking nothing honestly familiar assume allowed possible understand wondering curious currently existing
  already ranker model hidden strong stuck move moving stop hint hints next help done quit skip idea clue
  time left score scored grade graded timed penalised penalized candidate threshold recorded ignore previous system marks maximum include know sure right
  many much latency budget users labels labelled data going want like need`
  .split(/\s+/)
  .filter(Boolean);

/** Real words one typo away from a keyword, seen in candidate text: never mended. */
const NOT_TYPOS = new Set(
  'three form from them then than this that these those ideal deal hint stop tops spot post pots mode more modes models node note done dune bone gone nine wine mine fine line time tome tame tile tide side site wide wise were wear here hear heat beat what whit chat that knew know now new next text nest test best rest west help held hell hold yelp quit quiz suit skip ship slip skin sure pure cure lure sore more score scope store stone scare share shore grade trade grace glade grape grate crate timed tamed tiled tired mined mires left lift loft lest felt deft want wane wand went wait wart cant cent kant many mane mans mind mint much mush such miss marks masks parks larks model modal motel nodel users uses user usher labels label levels lapels later latter hidden ridden bidden strong string strung stuck stack stick stock struck truck cover clover hover lover rover covered hovered coveted thinks banking noting expert priorities resort repost stored'.split(
    ' ',
  ),
);

const KEYWORD_SET = new Set(KEYWORDS);
/** Keyword by each typo of it that the typed word itself shows: two letters swapped, one dropped. */
const SWAPPED = new Map<string, string>();
const DELETED = new Map<string, string>();
/** Keyword with one inner letter dropped, by position: "shuold" and "should" share "shold" at 2. */
const DROPPED = new Map<string, string>();
for (const word of KEYWORDS) {
  for (let i = 0; i + 1 < word.length; i++) {
    SWAPPED.set(`${word.slice(0, i)}${word[i + 1]}${word[i]}${word.slice(i + 2)}`, word);
  }
  if (word.length < 6) continue;
  for (let i = 1; i < word.length - 1; i++) {
    const dropped = `${word.slice(0, i)}${word.slice(i + 1)}`;
    DELETED.set(dropped, word);
    DROPPED.set(`${i}:${dropped}`, word);
  }
}
/** Shortest keyword mended by a dropped, added or changed letter. */
const LONG_KEYWORD = 6;

/**
 * The keyword a word is one typo away from, or null. The first and last letters must be as typed:
 * a different ending is usually another form of the word ("ranked", "thinks"), not a typo.
 */
function mend(word: string): string | null {
  const lower = word.toLowerCase();
  if (lower.length > 20 || KEYWORD_SET.has(lower) || NOT_TYPOS.has(lower)) return null;
  const mended = SWAPPED.get(lower) ?? DELETED.get(lower);
  if (mended !== undefined || lower.length < LONG_KEYWORD) return mended ?? null;
  for (let i = 1; i < lower.length - 1; i++) {
    const dropped = `${lower.slice(0, i)}${lower.slice(i + 1)}`;
    const match =
      (dropped.length >= LONG_KEYWORD && KEYWORD_SET.has(dropped) ? dropped : undefined) ??
      DROPPED.get(`${i}:${dropped}`);
    if (match !== undefined) return match;
  }
  return null;
}

/** Chat shorthand spelled out: "r u a bot", "can u show me ur notes", "shd we". */
const SHORTHAND: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?<![\w'-])r u(?![\w'-])/gi, 'are you'],
  [/(?<![\w'-])u r(?![\w'-])/gi, 'you are'],
  [/(?<![\w'-])u(?![\w'-])/gi, 'you'],
  [/(?<![\w'-])ur(?![\w'-])/gi, 'your'],
  [/(?<![\w'-])(?:shd|shld)(?![\w'-])/gi, 'should'],
  [/(?<![\w'-])abt(?![\w'-])/gi, 'about'],
  [/(?<![\w'-])rn(?![\w'-])/gi, 'right now'],
  [/(?<![\w'-])w\/o(?![\w'-])/gi, 'without'],
  [/(?<![\w'-])w\/(?![\w'-])/gi, 'with'],
  [/(?<![\w'-])b\/c(?![\w'-])/gi, 'because'],
  [/(?<![\w'-])wanna(?![\w'-])/gi, 'want to'],
  [/(?<![\w'-])ppl(?![\w'-])/gi, 'people'],
  [/(?<![\w'-])lmk(?![\w'-])/gi, 'let me know'],
  [/(?<![\w'-])(?:smth|sth|somethin)(?![\w'-])/gi, 'something'],
  [/(?<![\w'-])(?:pls|plz)(?![\w'-])/gi, 'please'],
  // Plurals clipped in chat: "how many docs", "how many devs use it".
  [/(?<![\w'-])docs(?![\w'-])/gi, 'documents'],
  [/(?<![\w'-])devs(?![\w'-])/gi, 'developers'],
  [/(?<![\w'-])reqs(?![\w'-])/gi, 'requests'],
  [/(?<![\w'-])msgs(?![\w'-])/gi, 'messages'],
  [/(?<![\w'-])vids(?![\w'-])/gi, 'videos'],
  [/(?<![\w'-])(?:imgs|pics)(?![\w'-])/gi, 'images'],
  [/(?<![\w'-])recs(?![\w'-])/gi, 'recommendations'],
  [/(?<![\w'-])txns?(?![\w'-])/gi, 'transactions'],
  [/(?<![\w'-])auths(?![\w'-])/gi, 'authorizations'],
  [/(?<![\w'-])convos(?![\w'-])/gi, 'conversations'],
  [/(?<![\w'-])avail(?![\w'-])/gi, 'available'],
  // Clipped the way fast or non-native typists clip them: "how many usr", "wat data we hav logged?".
  [/(?<![\w'-])usrs(?![\w'-])/gi, 'users'],
  [/(?<![\w'-])usr(?![\w'-])/gi, 'user'],
  [/(?<![\w'-])evnts(?![\w'-])/gi, 'events'],
  [/(?<![\w'-])evnt(?![\w'-])/gi, 'event'],
  [/(?<![\w'-])imprs?(?![\w'-])/gi, 'impressions'],
  [/(?<![\w'-])regs(?![\w'-])/gi, 'registrations'],
  [/(?<![\w'-])feats(?![\w'-])/gi, 'features'],
  [/(?<![\w'-])embs(?![\w'-])/gi, 'embeddings'],
  [/(?<![\w'-])emb(?![\w'-])/gi, 'embedding'],
  [/(?<![\w'-])cands(?![\w'-])/gi, 'candidates'],
  [/(?<![\w'-])wat(?![\w'-])/gi, 'what'],
  [/(?<![\w'-])hw(?= (?:many|much|long|often|big|fast)\b)/gi, 'how'],
  [/(?<![\w'-])hav(?![\w'-])/gi, 'have'],
  [/(?<![\w'-])(?:cuz|coz|bc)(?![\w'-])/gi, 'because'],
  [/(?<![\w'-])thru(?![\w'-])/gi, 'through'],
  [/(?<![\w'-])approx(?![\w'-])/gi, 'approximately'],
  [/(?<![\w'-])r(?= (?:we|you|they|there|these|those|the|our|any|all)\b)/gi, 'are'],
];

/** The text with chat shorthand spelled out, so the patterns need only one spelling. */
export const spellOut = (text: string) =>
  SHORTHAND.reduce((spelled, [pattern, words]) => spelled.replace(pattern, words), text);

/** The text with typos in the words the reading hinges on mended; other words as typed. */
export const mendTypos = (text: string) =>
  text.replace(/\p{L}{3,}(?!['\p{L}])/gu, (word) => mend(word) ?? word);
