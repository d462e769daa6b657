package normalize

import "strings"

// This file holds the Arabic stemmers. They are our own design, in the
// family of the Larkey light stemmer (Lucene, bleve) and of Snowball Arabic,
// measured against the golden corpus of the Snowball-Arabic authors (see
// TestGoldenCorpusAgreement). They expect a single word already put through
// the default Normalizer (foldForStem lists the folds they rely on): once
// hamza-alefs, alef maqsura and teh marbuta are folded, every affix is a fixed
// byte string and every Arabic letter two bytes, so stripping is slicing.
//
// None of them knows proper names: فيزا, بولندا or واتساب begin or end with
// letters that are also clitics, so a caller that must keep such words whole
// checks its own protected set before stemming (with StemCandidates, by
// looking the candidates up in it: the word itself comes first). The only
// word the stemmers protect themselves is الله, among the most frequent
// words of Arabic social media, which light stemmers otherwise mangle
// (Lucene gives له).

// Letters and affixes, as they look after normalization.
const (
	stemWaw     = "و"
	stemFa      = "ف"
	stemBa      = "ب"
	stemKaf     = "ك"
	stemLam     = "ل"
	stemSin     = "س"
	stemYa      = "ي"
	stemTa      = "ت"
	stemNun     = "ن"
	stemAlef    = "ا"
	stemArticle = "ال"
	stemAllah   = "الله"
	// Word-initial ءا is the old spelling of آ (ءامن), which folds to ا.
	stemHamzaAlef = "ءا"
	// Word-initial اا is an interrogative أ before a hamza-alef (أأنت).
	stemAlefAlef = "اا"
)

// Minimum lengths, in letters, chosen by measuring the golden corpus and
// how often the cliticized forms of route vocabulary meet the bare word
// (TestLightStemConflatesClitics).
const (
	// stemMinAfterLetter is what must remain after a proclitic group
	// without the article (ف ب ك ل, or two letters such as وب). Four, not
	// three: with three, فيزا، فندق، بصمه، كتاب would lose their first
	// letter and stop matching الفيزا، الفندق...; the cost is 0.4 points
	// of the golden corpus for LightStem and 0.3 for AggressiveStem.
	stemMinAfterLetter = 4
	// stemMinAfterWaw is what must remain after a lone و, the conjunction
	// that attaches to any word: three, as in Lucene, so that وسفر، وحجز
	// meet سفر، حجز. Words that begin with و (وسيط، ورقه) lose it.
	stemMinAfterWaw = 3
	// stemMinAfterArticle is what must remain after a group ending in the
	// article (ال, لل, وال, بال...). Three keeps الي (إلى) and لله whole.
	stemMinAfterArticle = 3
	// stemMinStem is the shortest stem a suffix may leave.
	stemMinStem = 3
	// stemMinLongPlural is the shortest stem before ون and ين: the passive
	// participles of roots ending in ن (مضمون, مسجون) and the verbal nouns
	// تفعيل of hollow roots (تامين) would otherwise lose their last letters.
	stemMinLongPlural = 4
	// stemMinCandidate is the shortest candidate StemCandidates yields.
	stemMinCandidate = 2
)

// Suffix tables, longest first: a table is searched in order and the first
// suffix that leaves a long enough stem wins.
var (
	// stemPronouns are the attached pronouns of nouns, verbs and
	// prepositions (his, her, their, your, our, my/me).
	stemPronouns = [...]string{"هما", "كما", "ها", "هم", "هن", "كم", "كن", "نا", "ه", "ك", "ي"}
	// stemAggressivePronouns adds ني (me), which LightStem leaves alone
	// because ني is more often ن + the relative-adjective ي (اردني،
	// لبناني، سوداني).
	stemAggressivePronouns = [...]string{"هما", "كما", "ها", "هم", "هن", "كم", "كن", "نا", "ني", "ه", "ك", "ي"}
	// stemNumbers are the plural, dual and feminine endings LightStem
	// removes. The dual ان is left out: duals are rare in dialect while
	// names in -ان are common on the migration routes (ايران, لبنان,
	// كردستان, السودان).
	stemNumbers = [...]string{"ات", "ون", "ين", "ه"}
	// stemAggressiveSubjects are the verb subject endings and the noun
	// number endings AggressiveStem removes after a pronoun: both families
	// share most of their letters (ت, ا, ن, ين, ون), so one table serves.
	stemAggressiveSubjects = [...]string{
		"تمو", "تما", "تين", "تان", "يات", "يين",
		"تم", "تن", "تا", "تي", "وا", "ون", "ين", "ان", "ات", "يي", "يه", "نا",
		"ت", "ه", "ا", "ي", "و", "ن",
	}
)

// stemLetters counts the letters of s by counting the bytes that begin a
// UTF-8 sequence: the same as utf8.RuneCountInString on valid text, and
// several times faster on the short words stemmed here.
func stemLetters(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i]&0xC0 != 0x80 {
			n++
		}
	}
	return n
}

// stemHasSuffix is strings.HasSuffix comparing from the last byte, which
// rejects most suffixes of a table at the first comparison.
func stemHasSuffix(s, suffix string) bool {
	if len(s) < len(suffix) {
		return false
	}
	for i := 1; i <= len(suffix); i++ {
		if s[len(s)-i] != suffix[len(suffix)-i] {
			return false
		}
	}
	return true
}

// stemTrim removes the first suffix of table that leaves at least min
// letters and returns the rest and the suffix removed ("" for none).
func stemTrim(s string, table []string, min int) (rest, suffix string) {
	for _, suf := range table {
		if stemHasSuffix(s, suf) && stemLetters(s[:len(s)-len(suf)]) >= min {
			return s[:len(s)-len(suf)], suf
		}
	}
	return s, ""
}

// stemTrimOne removes suffix from s if that leaves at least min letters.
func stemTrimOne(s, suffix string, min int) (rest, removed string) {
	if stemHasSuffix(s, suffix) && stemLetters(s[:len(s)-len(suffix)]) >= min {
		return s[:len(s)-len(suffix)], suffix
	}
	return s, ""
}

// stemCut is one way of splitting proclitics off the front of a word: the
// first n bytes are clitics. article reports that the group ends in the
// article; noun that it holds a preposition or the article, which only
// nouns take.
type stemCut struct {
	n       int
	article bool
	noun    bool
}

// stemMaxCuts bounds the number of proclitic splits of one word: و/ف, then
// ب/ك/ل, then ال, gives at most three; لل adds one.
const stemMaxCuts = 4

// stemProcliticCuts writes the structurally possible proclitic splits of s
// into out, shortest first, and returns how many there are. The grammar is
// an optional conjunction (و ف), then an optional preposition (ب ك ل) and an
// optional article (ال, written لل after the preposition ل). Both readings
// of a leading لل are listed, since a word may begin with ل itself (لليبيا).
// Lengths are not checked here.
func stemProcliticCuts(s string, out *[stemMaxCuts]stemCut) int {
	k, i := 0, 0
	if strings.HasPrefix(s, stemWaw) || strings.HasPrefix(s, stemFa) {
		i = len(stemWaw)
		out[k] = stemCut{n: i}
		k++
	}
	rest := s[i:]
	switch {
	case strings.HasPrefix(rest, stemLam+stemLam):
		out[k] = stemCut{n: i + len(stemLam), noun: true}
		out[k+1] = stemCut{n: i + 2*len(stemLam), article: true, noun: true}
		k += 2
	case strings.HasPrefix(rest, stemBa) || strings.HasPrefix(rest, stemKaf) || strings.HasPrefix(rest, stemLam):
		out[k] = stemCut{n: i + len(stemBa), noun: true}
		k++
		if strings.HasPrefix(rest[len(stemBa):], stemArticle) {
			out[k] = stemCut{n: i + len(stemBa) + len(stemArticle), article: true, noun: true}
			k++
		}
	case strings.HasPrefix(rest, stemArticle):
		out[k] = stemCut{n: i + len(stemArticle), article: true, noun: true}
		k++
	}
	return k
}

// stemStripProclitics removes the longest proclitic group that leaves a long
// enough word, and reports whether the group marked the word as a noun.
// A word that is الله after its clitics is returned as الله with allah set,
// so the caller leaves it alone.
func stemStripProclitics(s string) (rest string, noun, allah bool) {
	if s == stemAllah {
		return s, true, true
	}
	var cuts [stemMaxCuts]stemCut
	n := stemProcliticCuts(s, &cuts)
	for j := 0; j < n; j++ {
		if s[cuts[j].n:] == stemAllah {
			return stemAllah, true, true
		}
	}
	for j := n - 1; j >= 0; j-- {
		c := cuts[j]
		min := stemMinAfterLetter
		switch {
		case c.article:
			min = stemMinAfterArticle
		case c.n == len(stemWaw) && strings.HasPrefix(s, stemWaw):
			min = stemMinAfterWaw
		}
		if stemLetters(s[c.n:]) >= min {
			return s[c.n:], c.noun, false
		}
	}
	return s, false, false
}

// LightStem removes clitics from a normalized Arabic word for matching: at
// most one proclitic group (an optional و or ف, then an optional ب, ك or ل,
// then an optional article: و، بال، وال، فال، لل، ...), then one attached
// pronoun (ها، هم، كم، نا، ي، ...), then one plural or feminine ending
// (ات، ون، ين، ه from ة; and ت, the construct form of ة, when a pronoun
// followed it), then a relative-adjective ي before such an ending
// (العراقيين → عراق). A lone و must leave three letters, any other group
// without the article four (so فيزا keeps its ف), a group with the article
// three, and a suffix a stem of three (four before ون and ين), so short
// words are returned whole.
//
// LightStem does not strip the verb prefixes (ي، ت، ن، س) that
// AggressiveStem strips, so that nouns such as تهريب and نقطه keep their
// first letter. It knows no proper names: a word that begins or ends with
// clitic letters loses them (بولندا → ولندا, وسيط → سيط), so callers check
// their protected set first, or use StemCandidates, which tries the word
// itself first. The one word it protects is الله (Lucene gives له).
//
// LightStem is deterministic, allocates nothing and is safe for concurrent
// use; its result is always a substring of word.
func LightStem(word string) string {
	s, _, allah := stemStripProclitics(word)
	if allah {
		return s
	}
	s, pronoun := stemTrim(s, stemPronouns[:], stemMinStem)
	s, number := stemTrimNumber(s)
	if number == "" && pronoun != "" {
		s, number = stemTrimOne(s, stemTa, stemMinStem)
	}
	if number != "" || pronoun == "ه" {
		s, _ = stemTrimOne(s, stemYa, stemMinStem)
	}
	return s
}

// stemTrimNumber removes one of stemNumbers, with the longer minimum stem
// before ون and ين.
func stemTrimNumber(s string) (rest, suffix string) {
	for _, suf := range stemNumbers {
		min := stemMinStem
		if suf == "ون" || suf == "ين" {
			min = stemMinLongPlural
		}
		if stemHasSuffix(s, suf) && stemLetters(s[:len(s)-len(suf)]) >= min {
			return s[:len(s)-len(suf)], suf
		}
	}
	return s, ""
}

// AggressiveStem strips more than LightStem, aiming at the stems of the
// Snowball family: after the proclitic group it removes a pronoun, the
// كمو that joins a second pronoun (اسقيناكموه), one verb
// subject or noun number ending (تم، تما، تن، وا، ا، ات، تين، ...), a
// relative-adjective ي, and, on words with no noun proclitic, the verb
// prefixes: the future س with ي، ت، ن or ا (سيدرس → درس), ي or ن before
// three letters or more, and ت before exactly three (تدرس → درس, but تهريب
// stays). Unlike official Snowball it strips وال and فال. The initial ا of a
// verb is kept: أسقط and أطلب look alike, and the causative is the more
// common. Like LightStem it knows no proper names but الله.
//
// AggressiveStem first applies the letter folds of the default normalizer
// (foldForStem), so raw words may be given; on a normalized word it
// allocates nothing. It is deterministic and safe for concurrent use.
func AggressiveStem(word string) string {
	s := foldForStem(word)
	if strings.HasPrefix(s, stemHamzaAlef) && stemLetters(s) > 2 {
		s = s[len("ء"):]
	} else if strings.HasPrefix(s, stemAlefAlef) {
		s = s[len(stemAlef):]
	}
	s, noun, allah := stemStripProclitics(s)
	if allah {
		return s
	}
	s, _ = stemTrim(s, stemAggressivePronouns[:], stemMinStem)
	s, _ = stemTrimOne(s, "كمو", stemMinStem)
	s, ending := stemTrim(s, stemAggressiveSubjects[:], stemMinStem)
	if ending != "" && (noun || stemNominalEnding(ending)) {
		s, _ = stemTrimOne(s, stemYa, stemMinStem)
	}
	if !noun {
		s = stemStripVerbPrefix(s)
	}
	return s
}

// stemNominalEnding reports whether an ending removed by AggressiveStem can
// follow the relative-adjective ي: the plural, dual and feminine endings, but
// not the verb endings (ت, تم, ...), so استفتيت keeps its final ي.
func stemNominalEnding(e string) bool {
	switch e {
	case "ات", "ه", "ين", "ون", "ان", "تين", "تان", "تي":
		return true
	}
	return false
}

// stemStripVerbPrefix removes the imperfect prefixes of a verb (see
// AggressiveStem).
func stemStripVerbPrefix(s string) string {
	n := stemLetters(s)
	if rest, ok := strings.CutPrefix(s, stemSin); ok && n >= 5 {
		for _, p := range [...]string{stemYa, stemTa, stemNun, stemAlef} {
			if r, ok := strings.CutPrefix(rest, p); ok {
				return r
			}
		}
	}
	if n >= 4 && (strings.HasPrefix(s, stemYa) || strings.HasPrefix(s, stemNun)) {
		return s[len(stemYa):]
	}
	if n == 4 && strings.HasPrefix(s, stemTa) {
		return s[len(stemTa):]
	}
	return s
}

// StemCandidates calls yield with the clitic-stripped readings of a
// normalized Arabic word, most specific first, until yield returns false.
// It is meant for dictionary look-up: the matcher takes the first candidate
// its dictionary holds, so a word that merely looks cliticized (فيزا، بولندا)
// is found whole before any stripped reading is tried. The order is:
//
//  1. the word itself;
//  2. the word without each possible proclitic group, shortest first
//     (والفيزا: الفيزا, فيزا; للحدود: لحدود, حدود);
//  3. the word without its suffixes, peeled one at a time as LightStem
//     peels them: the attached pronoun, then a plural or feminine ending
//     (ات، ون، ين، ه, or ت before a pronoun), then a relative-adjective ي
//     (جوازاتهم: جوازات, جواز);
//  4. both: each proclitic reading of step 2, in that order, with each
//     suffix reading of step 3, in that order (والمهربين: ..., مهرب);
//  5. LightStem(word), if none of the above spelled it, so a dictionary
//     that also holds the LightStem of its entries is always reached.
//
// Every candidate has at least two letters and is a substring of word, so
// StemCandidates allocates nothing; a string is repeated only when two
// different splits spell the same letters. No verb prefix is stripped.
// It is deterministic and safe for concurrent use.
func StemCandidates(word string, yield func(stem string) bool) {
	if stemLetters(word) < stemMinCandidate {
		return
	}
	light := LightStem(word)
	sawLight := false
	emit := func(c string) bool {
		sawLight = sawLight || c == light
		return yield(c)
	}
	if !emit(word) {
		return
	}
	var cuts [stemMaxCuts]stemCut
	nc := stemProcliticCuts(word, &cuts)
	var ends [3]int // byte offsets where the suffix readings stop
	ne := stemSuffixEnds(word, &ends)

	for i := 0; i < nc; i++ {
		if c := word[cuts[i].n:]; stemLetters(c) >= stemMinCandidate && !emit(c) {
			return
		}
	}
	for j := 0; j < ne; j++ {
		if !emit(word[:ends[j]]) {
			return
		}
	}
	for i := 0; i < nc; i++ {
		for j := 0; j < ne; j++ {
			if cuts[i].n >= ends[j] {
				continue
			}
			if c := word[cuts[i].n:ends[j]]; stemLetters(c) >= stemMinCandidate && !emit(c) {
				return
			}
		}
	}
	if !sawLight && stemLetters(light) >= stemMinCandidate {
		yield(light)
	}
}

// stemSuffixEnds writes into ends the offsets at which the suffix readings
// of StemCandidates stop, longest reading first, and returns their number.
func stemSuffixEnds(word string, ends *[3]int) int {
	ne := 0
	rest, pronoun := stemTrim(word, stemPronouns[:], stemMinCandidate)
	if pronoun != "" {
		ends[ne] = len(rest)
		ne++
	}
	rest, number := stemTrim(rest, stemNumbers[:], stemMinCandidate)
	if number == "" && pronoun != "" {
		rest, number = stemTrimOne(rest, stemTa, stemMinCandidate)
	}
	if number != "" {
		ends[ne] = len(rest)
		ne++
	}
	if number != "" || pronoun == "ه" {
		if rest, ya := stemTrimOne(rest, stemYa, stemMinCandidate); ya != "" {
			ends[ne] = len(rest)
			ne++
		}
	}
	return ne
}

// foldForStem is the normalization the stemmers expect, for callers that
// may hold a raw word (AggressiveStem, the golden-corpus test): the default
// Normalizer, whose letter folds (أ إ آ → ا, ى → ي, ة → ه, ؤ → و, ئ → ي,
// Persian letters, tashkeel and tatweel removed, ء kept) are what the affix
// tables are written in. The golden corpus writes its stems the same way:
// its 1,165 stems hold no أ إ آ ؤ ئ ة ى, and keep ء (اباء), so folding the
// input word is what agreement with it needs. A normalized word is returned
// as is, without allocating.
func foldForStem(word string) string { return String(word) }
