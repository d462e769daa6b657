package evade

import "strconv"

// Method is one way evaders obfuscate a post.
type Method int

// The methods. Those that change words change the words a Rewriter chooses
// (see the package documentation); PhoneDigits and Emojis work between
// words.
const (
	// SpaceLetters splits the letters of words by spaces (م ه ر ب).
	// Evaders space out several words in a row, so it spaces runs of two
	// or three words (when they are separated by spaces only) around each
	// key word and around some of the other chosen words, about Rate of
	// the words in all. The gaps around spaced words are widened by two
	// spaces so that the words stay apart.
	SpaceLetters Method = iota + 1
	// DotLetters splits the letters of a word by dots or dashes (م.ه.ر.ب,
	// م-ه-ر-ب), one separator for the whole word.
	DotLetters
	// ZeroWidth inserts invisible characters between letters: ZWNJ
	// (U+200C), ZWJ (U+200D) or ZWSP (U+200B).
	ZeroWidth
	// Tatweel inserts one to four tatweels (U+0640) between two letters
	// that join (مـهـرب), never after a letter that does not join to its
	// left (ا د ذ ر ز و ة ...).
	Tatweel
	// Elongate repeats one letter of a word, often a long vowel or the last
	// letter, so that it is written three to seven times (تهرييييب,
	// فيزاااا, مهربببب). The first letter and a prefix (ال, وال, لل ...)
	// are never stretched, nor a letter next to the same letter, so
	// collapsing every run of three or more letters gives the word back.
	Elongate
	// Diacritics writes tashkeel on about half the letters that have none
	// (not on alef, alef maksura or hamza): fatha, damma, kasra, sukun,
	// shadda with a vowel and, on the last letter, tanween.
	Diacritics
	// LookAlikes swaps letters for letters that look or read the same: the
	// Persian and Urdu forms (ي→ی, ك→ک, ه→ہ, final ه→ە, final ى→ے) and
	// the letters typed interchangeably (final ة↔ه, final ى↔ي, أ/إ/آ→ا,
	// initial ا→أ). Each swap stays inside one class of the table
	// Equivalents.
	LookAlikes
	// PhoneDigits rewrites every run shaped like a phone number: seven
	// digits or more, maybe after a +, with single spaces, dots or dashes
	// between them, and a + or 0 first (+964, 0770), or seven digits in a
	// row, or three groups and nine digits (770 555 1234); prices (3500
	// 4000) and years (2024-2025) are left alone. It mixes Latin (0-9),
	// Arabic-Indic (٠-٩) and Extended Arabic-Indic (۰-۹) digits, and
	// regroups them with spaces, dots or dashes between groups of two to
	// five digits or between single digits. The digits and their order
	// never change. Every such run is rewritten, whatever the Rewriter
	// chooses.
	PhoneDigits
	// Emojis inserts one to three emojis (🔥 ✈️ 💯 🇩🇪 👇 ...) after chosen
	// words, with a space before them.
	Emojis
	// Arabizi rewrites chosen words in Arabizi, Latin-script Arabic with
	// digits for the letters Latin lacks (see ToArabizi), choosing at random
	// among the usual spellings of each letter (خ as 5 or kh, ق as 9 or q).
	Arabizi
	// Combined applies two to four of the other methods together (see
	// ApplyAll), chosen at random.
	Combined
)

// Methods lists every method, in the order of their values.
var Methods = []Method{
	SpaceLetters, DotLetters, ZeroWidth, Tatweel, Elongate, Diacritics,
	LookAlikes, PhoneDigits, Emojis, Arabizi, Combined,
}

var methodNames = [...]string{
	SpaceLetters: "SpaceLetters",
	DotLetters:   "DotLetters",
	ZeroWidth:    "ZeroWidth",
	Tatweel:      "Tatweel",
	Elongate:     "Elongate",
	Diacritics:   "Diacritics",
	LookAlikes:   "LookAlikes",
	PhoneDigits:  "PhoneDigits",
	Emojis:       "Emojis",
	Arabizi:      "Arabizi",
	Combined:     "Combined",
}

// String returns the method's name as written in Go ("SpaceLetters"), or
// "Method(N)" for a value that is not a method.
func (m Method) String() string {
	if m.valid() {
		return methodNames[m]
	}
	return "Method(" + strconv.Itoa(int(m)) + ")"
}

func (m Method) valid() bool { return m >= SpaceLetters && m <= Combined }

// methodSet is a set of methods, one bit each.
type methodSet uint16

func (s methodSet) has(m Method) bool { return s&(1<<m) != 0 }

func (s *methodSet) add(m Method) { *s |= 1 << m }

// wordMethods are the methods that change the letters of chosen words.
const wordMethods methodSet = 1<<SpaceLetters | 1<<DotLetters | 1<<ZeroWidth | 1<<Tatweel |
	1<<Elongate | 1<<Diacritics | 1<<LookAlikes | 1<<Arabizi

// combinable are the methods Combined chooses from.
var combinable = [...]Method{
	SpaceLetters, DotLetters, ZeroWidth, Tatweel, Elongate, Diacritics,
	LookAlikes, PhoneDigits, Emojis, Arabizi,
}
