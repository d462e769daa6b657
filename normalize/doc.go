// Package normalize folds Arabic-script text as people really type it into
// one canonical form, keeps a map from every normalized byte back to the
// original, tokenizes the result, strips Arabic clitics, stems English
// words and gives Latin-script Arabic (Arabizi) a consonant skeleton.
//
// Every later stage of ghurbal (lexicon matching, feature extraction,
// scoring) sees text through this package, so a post typed as مُهَرِّبـــين,
// مهربين or ﻣﻬﺮﺑﻴﻦ reads the same.
//
// # Steps
//
// A Normalizer applies these steps in this order, whatever order its options
// were given in. Each rune of the input is processed once, left to right.
//
//  1. Decoding. Invalid UTF-8 becomes U+FFFD, one per bad byte: never
//     dropped, so a reader can see that something was there. The output is
//     always valid UTF-8.
//  2. Presentation forms. Arabic presentation forms and ligatures
//     (U+FB50–FDFF, U+FE70–FEFC) are replaced by their NFKC decomposition
//     (golang.org/x/text): ﻣﻬﺮﺏ becomes مهرب, ﻻ becomes لا, ﷲ becomes الله.
//     Only these runes are decomposed, so the rest of the text never pays
//     for NFKC. The results then go through the steps below.
//  3. The table. One table of equivalence classes (table.go) folds single
//     runes; each class has one representative:
//     - Controls (C0 and C1, but not tab and newline) and Unicode spaces
//     become an ASCII space: they cannot be typed on purpose, and turning
//     them into a space keeps a word boundary without dropping a byte
//     silently. NEL, LINE and PARAGRAPH SEPARATOR become a newline. This
//     group cannot be switched off. CR becomes a space, so CRLF reads as
//     " \n".
//     - Zero-width characters (ZWSP, ZWNJ, ZWJ, word joiner), bidi
//     controls (LRM, RLM, ALM, embeddings, overrides, isolates), the BOM,
//     the soft hyphen and variation selectors are removed: they are
//     invisible, and evaders put them inside words. Emoji ZWJ sequences
//     therefore fall apart into their emojis.
//     - Tashkeel (U+064B–0652, U+0656–065F), dagger alef U+0670, Quranic
//     marks (U+06D6–06ED), honorific signs (U+0610–061A) and the extended
//     marks (U+08D3–08FF) are removed: posts carry them rarely and
//     inconsistently. Tatweel U+0640 is removed: it only stretches a word.
//     - Hamza: أ إ آ become ا, ؤ becomes و, ئ becomes ي, and the combining
//     madda and hamza U+0653–0655 (a decomposed أ ؤ ئ) are removed with
//     them, because hamza is written or left out at whim. ء alone stays.
//     - ٱ and the wavy-hamza alefs become ا; ى becomes ي; ة becomes ه: each
//     pair is interchanged in everyday typing.
//     - Persian, Kurdish, Urdu and Maghrebi letters become the Arabic letter
//     they are written for or built on: ی ې ێ ے → ي; ک گ ڪ ڭ → ك; ہ ۀ ە ھ
//     → ه; ڤ ڥ → ف; ڨ → ق; پ → ب; چ → ج; ژ → ز; ڕ ڑ → ر; ڵ → ل; ۆ ۇ ۋ →
//     و; ٹ → ت; ڈ → د; ں → ن. So ڤيزا matches فيزا and پولندا matches
//     بولندا. گ goes to ك rather than ق because posts spell the same
//     loanwords with either (گروب, كروب).
//     - Arabic-Indic, Extended Arabic-Indic and fullwidth digits become
//     ASCII digits: one number typed in three scripts must read as one.
//     - ، ؛ ؟ become , ; ? and the Arabic decimal and thousands separators
//     and percent sign become . , %.
//     - Other fullwidth ASCII becomes ASCII.
//  4. Case. Upper-case letters become lower case (Latin, Greek, Cyrillic:
//     Minsk and Минск are typed either way).
//  5. Elongation. A run of three or more of the same Arabic letter becomes
//     one letter (تهرييييب → تهريب), counted after the steps above, so
//     runs split by tatweel or invisible characters collapse too. No Arabic
//     word has the same letter three times in a row, so real words are never
//     changed. Doubles stay (ممر, قرر). Laughter (ههههه, خخخخ) therefore
//     becomes one letter: its length carries no signal for our task. Digits,
//     Latin letters and URLs are never collapsed (3000 and www stay).
//
// Every group except the separators can be switched off with an option
// (KeepHamza, KeepTehMarbuta, KeepDiacritics, …). Version names the table
// and the options, and changes whenever the default changes: model files
// record it.
//
// # Offsets
//
// Normalizer.Text normalizes into a reusable Text that maps each
// normalized byte to the original byte it came from; Text.Original turns a
// normalized range into the original range, which covers what was removed
// inside it (diacritics, tatweel, invisible characters, the rest of an
// elongation), so hits are reported as offsets into the caller's text.
//
// # Tokens
//
// NextToken and Tokens split normalized text into Arabic words, Latin words
// (with Arabizi digits inside: 7dood), numbers (3,500), emojis, URLs,
// @handles, #hashtags and punctuation, allocating nothing per token.
//
// Everything in this package is safe for concurrent use except a Text,
// which belongs to one goroutine at a time.
package normalize
