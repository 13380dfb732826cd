/**
 * Nicknames students type to join a class: cleaning, length and character rules, uniqueness keys, and
 * a filter for rude names in Bahasa Indonesia and English. Pure and deterministic: it runs on every join.
 */

export const NAME_MIN = 2;
export const NAME_MAX = 20;

/** Error codes (already exist in shared/src/protocol/errors.ts ERROR_CODES, with texts in shared/src/i18n/id.ts and en.ts). */
export type NameProblem = "nameTooShort" | "nameTooLong" | "nameBadCharacters" | "nameTaken" | "nameRude";

// ---------------------------------------------------------------------------------------------------------
// Cleaning and keys
// ---------------------------------------------------------------------------------------------------------

/**
 * Invisible characters: controls and format characters (zero-width space/joiners, bidi marks, BOM, soft
 * hyphen), plus other default-ignorable code points such as the Hangul fillers, which are "letters" that
 * draw nothing and would otherwise allow an invisible name.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;

/** Trim, NFC, drop control/format characters (\p{Cc}|\p{Cf}), collapse whitespace to one space. Does NOT cut the length. */
export function cleanName(input: string): string {
  return (
    input
      // Whitespace first, so a tab or a newline (both \p{Cc}) separates words instead of gluing them.
      .replace(/\s/gu, " ")
      .replace(INVISIBLE, "")
      .normalize("NFC")
      .replace(/ {2,}/g, " ")
      .trim()
  );
}

/** Key for uniqueness within a class: cleanName, lower-case (locale-independent), spaces removed, so "Sari", " sari ", "S ari" collide. */
export function nameKey(name: string): string {
  return cleanName(name).toLowerCase().replace(/ /g, "");
}

// ---------------------------------------------------------------------------------------------------------
// The rude-name filter
// ---------------------------------------------------------------------------------------------------------
//
// Matching rule
// -------------
// The name is folded first: lower case, NFKD with the combining marks removed (é → e), and look-alike letters
// of other scripts mapped to Latin (Cyrillic а е о р с х …, Greek ο ρ …, small capitals ᴀ ʙ …).
// It is then cut into TOKENS at every separator (space . - _ ').
//
// Two word lists:
// - WHOLE_TOKEN words are short or ambiguous ("asu", "tai", "babi", "shit", "dick", "cunt", "nazi", …). They
//   are hidden inside many innocent names (B-asu-ki, Ma-shit-ah, Dick-son, S-cunt-horpe, Nazi-ra, Tahi-r),
//   so they only count when a token, or several neighbouring tokens glued together, spell exactly the word:
//   "Asu", "a s u", "a.s.u", "as_u" are refused; "Basuki" passes.
// - ANYWHERE words are long (≥ 5 letters) or never occur inside an ordinary name ("fuck"). They count
//   wherever they appear inside one space-separated word, with its inner separators removed ("anjingmu",
//   "a_njing", "motherfucker"), and, like whole-token words, when neighbouring tokens spell exactly the word
//   ("a n j i n g", "Bang Sat"). They are NOT searched across a space ("Bang Satria" passes).
//
// Every word becomes a regular expression that also accepts
// - repeated letters: each letter of the word may repeat ("anjiiing", "fuuuck"); a double letter in the word
//   must stay at least double, so "nigger" does not match "Nigeria";
// - leetspeak digits: 4→a, 8→b, 3→e, 6/9→g, 1→i or l, 0→o, 5→s, 7→t, and v for u ("4nj1ng", "b4ngs4t",
//   "sh1t", "fvck"). (@ $ ! are not allowed characters in a name at all.)
//
// A word of NAME_ALLOWLIST (a real name or word that happens to contain an ANYWHERE word) is not searched.
// A teacher can still allow any refused name for their class (`allowed` in checkName).

/** Short or ambiguous words: rude only as a whole token (or tokens glued together), never inside a word. */
const WHOLE_TOKEN_WORDS: readonly string[] = [
  // Bahasa Indonesia and regional slang: insults.
  "asu", // Javanese "dog"
  "asw",
  "babi",
  "bego",
  "bodoh",
  "dungu",
  "celeng", // wild boar; also "celengan" (piggy bank), hence whole token only
  "kunyuk",
  "bangke",
  "setan",
  "iblis",
  "kafir",
  "sialan",
  "anjir",
  "anjrit",
  "anjg",
  "njing",
  "ajg",
  "bgst",
  "bgsd",
  "gblk",
  "jnck",
  "cuk", // Javanese, from jancuk
  "kimak", // Malay/Medan
  "puki", // also "pukis" (a cake), hence whole token only
  "cibai",
  "kehed", // Sundanese
  "banci",
  "perek", // also inside "perekonomian"
  "germo",
  // Bahasa Indonesia: excrement, body, sex.
  "tai",
  "taik",
  "tahi", // also "Tahir", hence whole token only
  "pantat",
  "kntl",
  "mmk",
  "ngntt",
  "titit",
  "tetek",
  "itil",
  "peler",
  "tempik",
  "entot",
  "sange", // also "Sangeeta"
  "coli", // also "Colin"
  "onani",
  "sperma",
  "kondom",
  "seks",
  // Bahasa Indonesia: drugs, terror, politics.
  "ganja", // also "Ganjar"
  "putaw",
  "nyabu",
  "pki",
  // English: profanity and insults.
  "shit",
  "fuk",
  "fck",
  "ass",
  "arse",
  "piss",
  "dick",
  "cock",
  "prick",
  "cunt",
  "twat",
  "slut",
  "slutty",
  "moron",
  "stupid",
  "wtf",
  "stfu",
  "kys",
  // English: sex and body.
  "sex",
  "sexy",
  "porn",
  "tits",
  "boob",
  "boobs",
  "anus",
  "cum",
  "horny",
  "milf",
  "sperm",
  "nude",
  "nudes",
  "naked",
  "xxx",
  "rape",
  "rapist", // also inside "therapist"
  "pedo",
  // English: slurs, hate, terror, drugs.
  "fag",
  "chink",
  "spic",
  "kike",
  "gook",
  "coon",
  "beaner",
  "dyke",
  "tranny",
  "nazi", // also "Nazira", "Nazifa", "Nazim"
  "nazis",
  "kkk",
  "isis",
  "heroin", // also "heroine"
];

/** Long or unmistakable words: rude wherever they appear inside a word. */
const ANYWHERE_WORDS: readonly string[] = [
  // Bahasa Indonesia and regional slang: insults.
  "anjing",
  "bangsat",
  "bajingan",
  "brengsek",
  "keparat",
  "bedebah",
  "kampret",
  "goblok",
  "goblog",
  "tolol",
  "idiot",
  "monyet",
  "jancok",
  "jancuk",
  "dancok",
  "diancuk",
  "pukimak",
  "pantek",
  "bencong",
  "dajjal",
  "haramjadah",
  "anakharam",
  "kurangajar",
  // Bahasa Indonesia: sex and body.
  "kontol",
  "memek",
  "pepek",
  "ngentot",
  "ngentod",
  "ngewe",
  "jembut",
  "toket",
  "colmek",
  "lonte",
  "pelacur",
  "sundal",
  "jablay",
  "gigolo",
  "bokep",
  "porno",
  "bugil",
  "telanjang",
  "cabul",
  "mesum",
  "masturbasi",
  "pedofil",
  // Bahasa Indonesia: drugs and terror.
  "narkoba",
  "sabusabu",
  "kokain",
  "ekstasi",
  "teroris",
  // English.
  "fuck",
  "bitch",
  "bastard",
  "asshole",
  "arsehole",
  "dumbass",
  "jackass",
  "shithead",
  "bullshit",
  "shitty",
  "dickhead",
  "cocksucker",
  "butthole",
  "wanker",
  "bollocks",
  "pussy",
  "penis",
  "vagina",
  "titties",
  "whore",
  "dildo",
  "blowjob",
  "handjob",
  "jerkoff",
  "orgasm",
  "ejaculat",
  "masturbat",
  "hentai",
  "incest",
  "pedophil",
  "paedophil",
  "nigger",
  "nigga",
  "faggot",
  "retard",
  "wetback",
  "hitler",
  "swastika",
  "terrorist",
  "cocaine",
];

/** Real names and words that contain an ANYWHERE word. A word equal to one of these is not searched. */
const NAME_ALLOWLIST: ReadonlySet<string> = new Set([
  "pantekosta", // Pentecostal (Gereja Pantekosta), contains "pantek"
  "dildora", // Uzbek given name, contains "dildo"
  "bangsatria", // "Bang Satria" typed as one word, contains "bangsat"
  "bangsatrio",
  "penistone", // English place and family name, contains "penis"
]);

/** Digits (and v) that stand for a letter. '1' may be i or l; both are accepted. */
const LEET: Readonly<Record<string, string>> = {
  a: "4",
  b: "8",
  e: "3",
  g: "69",
  i: "1",
  l: "1",
  o: "0",
  s: "5",
  t: "7",
  u: "v",
};

/** Letters of other scripts (lower case, after NFKD) that look like a Latin letter. */
const LOOKALIKES: Readonly<Record<string, string>> = {
  // Cyrillic
  а: "a",
  в: "b",
  е: "e",
  ԁ: "d",
  һ: "h",
  і: "i",
  ј: "j",
  к: "k",
  ӏ: "l",
  м: "m",
  н: "h",
  о: "o",
  р: "p",
  ԛ: "q",
  с: "c",
  ѕ: "s",
  т: "t",
  у: "y",
  ԝ: "w",
  х: "x",
  ь: "b",
  // Greek
  α: "a",
  β: "b",
  ε: "e",
  η: "n",
  ι: "i",
  κ: "k",
  ν: "v",
  ο: "o",
  ρ: "p",
  τ: "t",
  υ: "u",
  χ: "x",
  // Latin letters that NFKD does not decompose, and small capitals.
  ı: "i",
  ɩ: "i",
  ł: "l",
  ǀ: "l",
  ø: "o",
  đ: "d",
  ħ: "h",
  ŧ: "t",
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ɑ: "a",
  ɡ: "g",
  ᴀ: "a",
  ʙ: "b",
  ᴄ: "c",
  ᴅ: "d",
  ᴇ: "e",
  ꜰ: "f",
  ɢ: "g",
  ʜ: "h",
  ɪ: "i",
  ᴊ: "j",
  ᴋ: "k",
  ʟ: "l",
  ᴍ: "m",
  ɴ: "n",
  ᴏ: "o",
  ᴘ: "p",
  ʀ: "r",
  ꜱ: "s",
  ᴛ: "t",
  ᴜ: "u",
  ᴠ: "v",
  ᴡ: "w",
  ʏ: "y",
  ᴢ: "z",
};

/** The pattern of one listed word: each run of a letter may repeat, a letter may be written as its digit. */
function wordPattern(word: string): string {
  if (!/^[a-z]+$/.test(word)) throw new Error(`names.ts: list word "${word}" must be plain a-z`);
  let out = "";
  for (const run of word.match(/(.)\1*/g) ?? []) {
    const letter = run[0]!;
    const cls = LEET[letter] ? `[${letter}${LEET[letter]}]` : letter;
    out += run.length === 1 ? `${cls}+` : `${cls}{${run.length},}`;
  }
  return out;
}

const alternation = (words: readonly string[]) => words.map(wordPattern).join("|");
/** A token or glued tokens that spell exactly a listed word (either list). */
const EXACT_RE = new RegExp(`^(?:${alternation([...WHOLE_TOKEN_WORDS, ...ANYWHERE_WORDS])})$`);
/** A long word anywhere inside a word. */
const INSIDE_RE = new RegExp(alternation(ANYWHERE_WORDS));
/** The longest string worth gluing tokens into (a listed word with a few repeated letters). */
const MAX_GLUED = Math.max(...[...WHOLE_TOKEN_WORDS, ...ANYWHERE_WORDS].map((w) => w.length)) + 12;

/** Lower case, no diacritics, look-alikes mapped to Latin; modifier letters (ʼ ˈ …) become separators. */
function fold(name: string): string {
  const stripped = cleanName(name).toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "");
  let out = "";
  for (const ch of stripped) out += LOOKALIKES[ch] ?? (/\p{Lm}/u.test(ch) ? "'" : ch);
  return out;
}

/** True when the name contains a rude/offensive word in Indonesian or English, also when disguised. */
export function isRudeName(name: string): boolean {
  const folded = fold(name);
  const tokens: string[] = [];
  for (const word of folded.split(" ")) {
    const glued = word.replace(/[.\-_']/g, "");
    if (glued === "") continue;
    if (!NAME_ALLOWLIST.has(glued) && INSIDE_RE.test(glued)) return true;
    for (const token of word.split(/[.\-_']+/)) if (token !== "") tokens.push(token);
  }
  // Every run of neighbouring tokens, glued: "a n j i n g", "f.u.c.k", "as_u", "Bang Sat".
  for (let start = 0; start < tokens.length; start++) {
    let glued = "";
    for (let end = start; end < tokens.length; end++) {
      glued += tokens[end];
      if (glued.length > MAX_GLUED) break;
      if (end === start && NAME_ALLOWLIST.has(glued)) continue;
      if (EXACT_RE.test(glued)) return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------
// The whole check
// ---------------------------------------------------------------------------------------------------------

/** Letters, combining marks, ASCII digits, space and . - _ ' only. */
const ALLOWED_CHARS = /^[\p{L}\p{M}0-9 .\-_']+$/u;
/** At least one letter or digit, so "..", "--" or "_ _" are not names. */
const HAS_LETTER_OR_DIGIT = /[\p{L}0-9]/u;

function contains(keys: Iterable<string> | undefined, key: string): boolean {
  if (!keys) return false;
  for (const k of keys) if (k === key) return true;
  return false;
}

/**
 * Check a typed nickname. Order: clean → length (after cleaning; count user-perceived characters with Array.from) →
 * allowed characters → rude (skipped if nameKey(name) is in `allowed`) → taken (nameKey in `taken`).
 */
export function checkName(
  input: string,
  opts?: { taken?: Iterable<string>; allowed?: Iterable<string> },
): { ok: true; name: string } | { ok: false; error: NameProblem } {
  const name = cleanName(input);
  const length = Array.from(name).length;
  if (length < NAME_MIN) return { ok: false, error: "nameTooShort" };
  if (length > NAME_MAX) return { ok: false, error: "nameTooLong" };
  if (!ALLOWED_CHARS.test(name) || !HAS_LETTER_OR_DIGIT.test(name))
    return { ok: false, error: "nameBadCharacters" };
  const key = nameKey(name);
  if (!contains(opts?.allowed, key) && isRudeName(name)) return { ok: false, error: "nameRude" };
  if (contains(opts?.taken, key)) return { ok: false, error: "nameTaken" };
  return { ok: true, name };
}
