/**
 * Which language a text is in, as far as the offline reader and scorer need to know: English, or
 * one of the languages a candidate is most likely to switch to. Shared by the scorer (a turn not
 * in English is noted) and the interviewer (it asks for a rephrase).
 */

/** Common English words, enough to outvote one foreign word in an English sentence. */
export const ENGLISH_WORDS = new Set(
  'the a an is are was were be been do does did we i you they it this that these those how what which who where when why many much of to and or in on for with at by from there have has had can could would should will my our your their not no yes if so but as about per users user data model many more most all any some each every'.split(
    ' ',
  ),
);

/**
 * Function words of the European languages a candidate is most likely to switch to, leaving out
 * any that are also English words ("die", "in", "a").
 */
const FOREIGN = new Set(
  [
    // Spanish
    'el los las del que qué es con para por una uno hay cuántos cuántas cuánto cuanto cómo como dónde usuarios datos tenemos está esta este pero más muy también sobre entre cuando hola gracias sí',
    // German
    'der das und ist nicht wie viele gibt ich wir sie mit für auf dem haben werden welche welcher welches nutzer wieviel sind auch oder aber noch kann können müssen hallo danke bitte gibt',
    // French
    'le les des du est et qui combien pour avec nous vous une sont dans pas il ce cette quels quelle quel utilisateurs données bonjour merci requêtes seconde je suis sais quoi ici',
    // Portuguese
    // ("sim" is left out: in English notes it is short for a simulator.)
    'quantos quantas usuários temos não você nós são olá obrigado dados',
    // Italian
    'il lo gli della delle dei degli nel nella sul sulla che di da non sono abbiamo avete hanno quanti quante quale quali dove perché questo questa quello ciao grazie',
    // Dutch
    'hoeveel gebruikers zijn het een niet wij hebben hoe wat welke waar ik nee goed bedankt',
    // Short replies and greetings in other languages
    'oui si ja nein jawohl genau doch sí vale claro bueno pues entonces bien merci danke bitte ciao grazie prego allora obrigado obrigada então tudo tak dobrze evet hayır tamam hej hai arigato nani desu spasibo privet nyet voilà alors très',
    // Danish, Norwegian, Swedish
    'hvor hvad hvordan hvilke mange brugere brukere användare hur många vad jag inte och har vi jeg ikke det hej tak takk',
    // Polish, Czech, Turkish
    // ("var" and "ne" are left out: variance and normalised entropy in English notes.)
    'ile mamy jest czy nie jak kolik máme jsou kaç mı nasıl kadar kullanıcı',
    // Indonesian and Malay
    'berapa banyak pengguna yang dan apa ada kita tidak ini itu untuk dengan bisa apakah sudah belum terima kasih',
  ]
    .join(' ')
    .split(' '),
);

/** Letters English words do not carry; a word with one is foreign unless listed. */
const FOREIGN_LETTER = /[À-ÖØ-öø-ɏḀ-ỿ¿¡]/;
const ENGLISH_LOANS = new Set(['café', 'naïve', 'résumé', 'cliché', 'façade', 'über', 'déjà', 'vu']);

/** English and foreign function words among `words` (words in capitals are names or acronyms). */
export function languageCounts(words: readonly string[]): { english: number; foreign: number } {
  let english = 0;
  let foreign = 0;
  for (const word of words) {
    const lower = word.toLowerCase();
    // "DAN", "SIE": a word in capitals is a name or an acronym, whatever it spells in another language.
    if (/^\p{Lu}{2,}$/u.test(word)) continue;
    if (ENGLISH_WORDS.has(lower)) english++;
    else if (FOREIGN.has(lower) || (FOREIGN_LETTER.test(lower) && !ENGLISH_LOANS.has(lower))) foreign++;
  }
  return { english, foreign };
}
