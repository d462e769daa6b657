package evade

import (
	"math"
	"math/rand/v2"
	"strings"
	"sync"
	"unicode/utf8"
)

// DefaultRate is the share of other Arabic words a Rewriter obfuscates when
// its Rate is zero.
const DefaultRate = 0.3

// defaultKeywords are words typical of smuggling and visa posts, the ones a
// filter looks for and so the ones evaders obfuscate first.
var defaultKeywords = [...]string{
	"مهرب", "مهربين", "تهريب", "فيزا", "تأشيرة", "حدود", "الحدود", "طريق",
	"مضمون", "ضمان", "واتساب", "تلغرام", "بولندا", "ليتوانيا", "المانيا",
	"بيلاروسيا", "مينسك", "اوروبا", "الغابة", "توصيل", "عبور", "لجوء",
	"جواز", "سعر", "دولار", "يورو",
}

// DefaultKeywords returns the key words of DefaultRewriter. Each call
// returns a new slice, which the caller may extend.
func DefaultKeywords() []string { return append([]string(nil), defaultKeywords[:]...) }

// DefaultRewriter returns the Rewriter that Apply and ApplyAll use: the
// DefaultKeywords and DefaultRate.
func DefaultRewriter() Rewriter {
	return Rewriter{Keywords: DefaultKeywords(), Rate: DefaultRate}
}

// Rewriter chooses the words to obfuscate and obfuscates them. The zero
// Rewriter has no key words and obfuscates DefaultRate of the words.
type Rewriter struct {
	// Keywords are words (single words, in any spelling: they are compared
	// after removing diacritics and tatweel and folding look-alike letters)
	// that are always obfuscated, with or without a prefix such as و or ال.
	Keywords []string
	// Rate is the probability that each other Arabic word is also
	// obfuscated: 0 means DefaultRate, a negative Rate means none. When
	// Rate is not negative and no chosen word can be changed by the method
	// (a word without look-alike letters, say), one word that can is chosen
	// at random, so that a post with such a word always changes.
	Rate float64
}

// Apply rewrites text with method m, using DefaultRewriter. It is
// deterministic for a given state of rng; a nil rng is taken as
// rand.New(rand.NewPCG(0, 0)). An unknown m, or a post that m has nothing to
// change in, gives text back unchanged.
func Apply(text string, m Method, rng *rand.Rand) string {
	return defaultPlan().apply(text, []Method{m}, rng)
}

// ApplyAll rewrites text with every method in ms together, using
// DefaultRewriter; see Rewriter.ApplyAll.
func ApplyAll(text string, ms []Method, rng *rand.Rand) string {
	return defaultPlan().apply(text, ms, rng)
}

// Apply rewrites text with method m; see the package-level Apply. It
// prepares r's key words on every call: to rewrite many posts with many
// key words, that is most of the work.
func (r Rewriter) Apply(text string, m Method, rng *rand.Rand) string {
	return r.plan().apply(text, []Method{m}, rng)
}

// ApplyAll rewrites text with every method in ms together. The words are
// chosen once and each chosen word takes every word method in ms, layered
// in a fixed order: LookAlikes, Elongate, Diacritics, Tatweel, ZeroWidth,
// then DotLetters or SpaceLetters (a word in a spaced run is spaced, other
// words dotted). Arabizi rewrites the whole word, so with other word
// methods it takes half of the chosen words, at random. PhoneDigits and
// Emojis then work between the words. The order of ms does not matter and
// repeats count once; Combined adds two to four methods chosen at random.
func (r Rewriter) ApplyAll(text string, ms []Method, rng *rand.Rand) string {
	return r.plan().apply(text, ms, rng)
}

// plan is a Rewriter made ready to use.
type plan struct {
	keys     map[string]struct{} // key words in keyForm
	rate     float64
	fallback bool // choose a word that can change when no chosen word can
}

var defaultPlan = sync.OnceValue(func() *plan { return DefaultRewriter().plan() })

func (r Rewriter) plan() *plan {
	p := &plan{keys: make(map[string]struct{}, len(r.Keywords)), rate: r.Rate, fallback: true}
	switch {
	case r.Rate == 0 || math.IsNaN(r.Rate):
		p.rate = DefaultRate
	case r.Rate < 0:
		p.rate, p.fallback = 0, false
	case r.Rate > 1:
		p.rate = 1
	}
	for _, k := range r.Keywords {
		if k = keyForm(strings.TrimSpace(k)); k != "" {
			p.keys[k] = struct{}{}
		}
	}
	return p
}

// procliticStage is one slot of the prefixes written attached to a word,
// in the order they are written: a conjunction, a preposition, the article.
// cut is what the word starts with, put what the rest starts with after it
// is cut (لل is ل before ال, whose alef is dropped).
type procliticStage []struct{ cut, put string }

var proclitics = [...]procliticStage{
	{{"و", ""}, {"ف", ""}},
	{{"لل", "ال"}, {"ب", ""}, {"ل", ""}, {"ك", ""}},
	{{"ال", ""}},
}

// isKey reports whether the word w is one of the key words, maybe with
// proclitics.
func (p *plan) isKey(w string) bool {
	return len(p.keys) > 0 && p.isKeyForm(keyForm(w), 0)
}

// isKeyForm reports whether k, in keyForm, is a key word once the
// proclitics of stage and later stages are cut off.
func (p *plan) isKeyForm(k string, stage int) bool {
	if _, ok := p.keys[k]; ok {
		return true
	}
	for s := stage; s < len(proclitics); s++ {
		for _, pc := range proclitics[s] {
			if rest, ok := strings.CutPrefix(k, pc.cut); ok && utf8.RuneCountInString(rest) >= 2 {
				if p.isKeyForm(pc.put+rest, s+1) {
					return true
				}
			}
		}
	}
	return false
}

// keyForm is how words are compared: without marks, tatweel and zero-width
// characters, each look-alike letter folded to its class's representative,
// each run of three or more of one letter written once (no Arabic word has
// a letter three times in a row).
func keyForm(w string) string {
	b := make([]byte, 0, len(w))
	var last rune
	run := 0
	for _, r := range w {
		if inWord(r) {
			continue
		}
		r = foldLetter(r)
		if r != last {
			last, run = r, 0
		}
		if run++; run <= 2 {
			b = utf8.AppendRune(b, r)
		} else if run == 3 {
			b = b[:len(b)-utf8.RuneLen(r)] // a run: keep one
		}
	}
	return string(b)
}

// choose returns which words to obfuscate with the methods of set, and
// which of them must be: the key words, and the others with probability
// p.rate. When p.fallback is set and no chosen word can be changed by set,
// one word that can is chosen at random, and must be, so that a post with
// such a word always changes.
func (p *plan) choose(text string, words []span, set methodSet, rng *rand.Rand) (chosen, must []bool) {
	chosen, must = make([]bool, len(words)), make([]bool, len(words))
	for i, w := range words {
		must[i] = p.isKey(text[w.start:w.end])
		chosen[i] = must[i] || p.rate > 0 && rng.Float64() < p.rate
	}
	if !p.fallback || set&(wordMethods|1<<Emojis) == 0 {
		return chosen, must
	}
	can := func(i int) bool { return changeable(clusters(text[words[i].start:words[i].end]), set) }
	for i := range words {
		if chosen[i] && can(i) {
			return chosen, must
		}
	}
	if k := some(rng, len(words), 0, can); len(k) > 0 {
		chosen[k[0]], must[k[0]] = true, true
	}
	return chosen, must
}

// spaceable reports whether a gap between two words lets them be spaced
// out as one run: spaces and tabs only.
func spaceable(gap string) bool {
	return gap != "" && strings.Trim(gap, " \t") == ""
}

// spaceRuns returns which words to space out: runs of two or three words
// in a row (separated by spaces only), each around a chosen word. Each word
// that must be obfuscated, and the first chosen word, starts a run; the
// other chosen words start one with probability 0.4, so that with runs
// 2.5 words long on average about Rate of the words end up spaced.
func spaceRuns(text string, words []span, chosen, must []bool, rng *rand.Rand) []bool {
	spaced := make([]bool, len(words))
	gap := func(i int) string { return text[words[i].end:words[i+1].start] } // after word i
	first := true
	for i := range words {
		if !chosen[i] {
			continue
		}
		anchor := must[i] || first || rng.Float64() < 0.4
		first = false
		if !anchor || spaced[i] {
			continue
		}
		want := 2 + rng.IntN(2)
		lo, hi := i, i
		for hi-lo+1 < want && hi+1 < len(words) && !spaced[hi+1] && spaceable(gap(hi)) {
			hi++
		}
		for hi-lo+1 < want && lo > 0 && !spaced[lo-1] && spaceable(gap(lo-1)) {
			lo--
		}
		for k := lo; k <= hi; k++ {
			spaced[k] = true
		}
	}
	return spaced
}

// expand returns the set of methods in ms, Combined replaced by the
// methods it draws.
func expand(ms []Method, rng *rand.Rand) methodSet {
	var set methodSet
	combined := false
	for _, m := range ms {
		switch {
		case m == Combined:
			combined = true
		case m.valid():
			set.add(m)
		}
	}
	if combined {
		perm := rng.Perm(len(combinable))
		for _, k := range perm[:2+rng.IntN(3)] {
			set.add(combinable[k])
		}
	}
	return set
}

func (p *plan) apply(text string, ms []Method, rng *rand.Rand) string {
	if text == "" {
		return ""
	}
	if rng == nil {
		rng = rand.New(rand.NewPCG(0, 0))
	}
	set := expand(ms, rng)
	words := findWords(text)
	if set == 0 || len(words) == 0 && !set.has(PhoneDigits) {
		return text
	}
	chosen, must := p.choose(text, words, set, rng)
	var spaced []bool
	if set.has(SpaceLetters) {
		spaced = spaceRuns(text, words, chosen, must, rng)
	} else {
		spaced = make([]bool, len(words))
	}

	var b strings.Builder
	b.Grow(2*len(text) + 16)
	writeGap := func(gap string, widen bool) {
		switch {
		case widen && spaceable(gap):
			b.WriteString(gap)
			b.WriteString("  ")
		case set.has(PhoneDigits):
			writePhones(&b, gap, rng)
		default:
			b.WriteString(gap)
		}
	}
	last := 0
	for i, w := range words {
		writeGap(text[last:w.start], i > 0 && (spaced[i-1] || spaced[i]))
		p.writeWord(&b, text[w.start:w.end], set, chosen[i], spaced[i], rng)
		if chosen[i] && set.has(Emojis) {
			writeEmojis(&b, rng)
		}
		last = w.end
	}
	writeGap(text[last:], false)
	return b.String()
}

// writeWord writes the word w, obfuscated when it was chosen or spaced.
func (p *plan) writeWord(b *strings.Builder, w string, set methodSet, chosen, spaced bool, rng *rand.Rand) {
	if !chosen && !spaced || set&wordMethods == 0 {
		b.WriteString(w)
		return
	}
	if chosen && set.has(Arabizi) && (set&wordMethods == 1<<Arabizi || rng.IntN(2) == 0) {
		writeArabizi(b, w, rng)
		return
	}
	cl := clusters(w)
	if chosen {
		if set.has(LookAlikes) {
			lookAlikes(cl, rng)
		}
		if set.has(Elongate) {
			elongate(cl, rng)
		}
		if set.has(Diacritics) {
			diacritics(cl, rng)
		}
		if set.has(Tatweel) {
			tatweels(cl, rng)
		}
		if set.has(ZeroWidth) {
			zeroWidths(cl, rng)
		}
	}
	sep := ""
	switch {
	case spaced:
		sep = " "
	case chosen && set.has(DotLetters):
		sep = [...]string{".", "-"}[rng.IntN(2)]
	}
	writeClusters(b, cl, sep)
}
