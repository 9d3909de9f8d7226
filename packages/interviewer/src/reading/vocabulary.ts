/**
 * Words that tell design talk from talk about the world of the case, and either from small talk.
 * They are case-independent: method names and system nouns any ML design case uses.
 */

/** Methods and modelling choices: a question built on these proposes a design. */
const DESIGN = String.raw`models?|baselines?|loss|encoders?|embeddings?|rankers?|re-?rank\w*|retrievers?|regression|classif\w+|trees?|gbdts?|xgboost|lightgbm|networks?|neural|transformers?|bert|clip|two-tower|towers|(?:query|item|user|document|ad) tower|cross-?encoders?|bandits?|ann|hnsw|faiss|cluster\w*|thresholds?|metrics?|ndcg|precision|recall|auc|mae|rmse|labels?|features?|heuristics?|rules?|rule-based|cascade|filters?|cach\w+|downsampl\w+|sampl\w+|calibrat\w+|fine-?tun\w+|distill\w*|hash\w*|dedup\w*|bm25|fusion|factori[sz]ation|sigmoid|softmax|entropy|boost\w*|ensembles?|negatives|positives|train\w*|retrain\w*|inference|objective|optimi[sz]\w*|multi-task|gnn|bloom|knn|nearest neighbou?rs?|logistic|bayes|cnn|rnn|lstm|attention|pipelines?|streaming|offline|online|index\w*|exploration|weights?|scores?|predict\w*|heads?|layers?|quanti[sz]\w*|shards?`;

/**
 * Nouns of the systems and data an ML case is about. Everyday nouns that are also items in some
 * case (songs, books, hotels) are left out: small talk mentions them too.
 */
const CONTEXT = String.raw`users?|latency|traffic|qps|data|dataset|log\w*|clicks?|impressions?|ads?|advertisers?|catalog(?:ue)?|items?|documents?|passages?|quer(?:y|ies)|search\w*|transactions?|fraud\w*|couriers?|listings?|moderat\w+|gdpr|privacy|budget|gpus?|cpus?|scale|regions?|eta|pricing|ctr|conversions?|sessions?|engagement|retention|revenue|sla|p\d\d|ms|throughput|storage|servers?|api|platform|system|service|inventory|signals?|spam|a\/b|experiments?|deliver\w*|demand|supply|requests?|arrival|limits?|caps?|laws?|regulat\w*|legal|compliance|surge|multipliers?`;

const DESIGN_WORD = new RegExp(String.raw`\b(?:${DESIGN})\b`, 'i');
const DOMAIN_WORD = new RegExp(String.raw`\b(?:${DESIGN}|${CONTEXT})\b`, 'i');

/** First-person or modal design voice: "we'd", "I would", "we could", "the ranker would". */
const DESIGN_VOICE =
  /\b(?:we|i)(?:'d|'ll| would| will| could| can| should| might| need to)\b|\b(?:would|could|should|might)\b/i;

/**
 * What ties a sentence to the case rather than to the world or the people in the room: the team
 * ("we", "our"), the product, the people it serves, or any design or system word.
 */
const CASE_ANCHOR =
  /\b(?:we|our|ours|us|app|apps|product|products|platform|site|website|company|team|business|project|feed|marketplace|customers?|riders?|drivers?|sellers?|buyers?|hosts?|guests?|members?|viewers?|creators?|merchants?|shoppers?|moderators?|engineers?|agents?|analysts?|orders?|trips?|rides?|posts?|videos?|photos?|images?|jobs?|events?|emails?|reviews?|reports?|accounts?|payments?|bookings?|content|uploads?|results?|numbers|stats|statistics|figures|details|info|information|estimates?|constraints?|requirements?|scope)\b/i;

export const hasDesignWord = (text: string) => DESIGN_WORD.test(text);
/** Ties the sentence to the case: a design or system word, the team, the product or its people. */
export const hasCaseAnchor = (text: string) => DOMAIN_WORD.test(text) || CASE_ANCHOR.test(text);
export const hasDomainWord = (text: string) => DOMAIN_WORD.test(text);
export const hasDesignVoice = (text: string) => DESIGN_VOICE.test(text);
