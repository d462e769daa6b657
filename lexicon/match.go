package lexicon

import (
	"math/bits"
	"strings"

	"github.com/ghurbal/ghurbal/normalize"
)

// Hit is one match of a lexicon entry in a text. text[Start:End] is the
// matched text in the ORIGINAL string passed to Match: the word's stem
// without the clitics around it (المهرب in والمهربين matches the entry
// مهرب at المهرب's مهرب), so normalizing it gives the entry's normalized
// form for Arabic-script entries.
type Hit struct {
	Category string  `json:"category"`
	Term     string  `json:"term"` // the entry as written in its data file
	Start    int     `json:"start"`
	End      int     `json:"end"`
	Weight   float64 `json:"weight"`
}

// scratch holds per-call buffers; Lexicons keep a pool of them.
type scratch struct {
	joined []byte // the letters of a spaced-out run, joined
	at     []int  // where each letter of the run starts in joined
	txt    normalize.Text
	cur    *normalize.Text // the text being matched: &txt or the caller's
	norm   string          // cur.Normalized()
	words  []word
	skel   []byte
	stem   []byte // the English stem of a Latin word
	// arabizi caches postLooksArabizi for the post: most posts have no
	// Latin word and never need it.
	arabizi int8
}

// The states of scratch.arabizi.
const (
	arabiziUnknown = iota
	arabiziNo
	arabiziYes
)

// postLooksArabizi returns postLooksArabizi(sc.words, sc.norm), computing
// it once per post.
func (sc *scratch) postLooksArabizi() bool {
	if sc.arabizi == arabiziUnknown {
		sc.arabizi = arabiziNo
		if postLooksArabizi(sc.words, sc.norm) {
			sc.arabizi = arabiziYes
		}
	}
	return sc.arabizi == arabiziYes
}

// Match returns the hits in text, leftmost-longest and not overlapping, in
// order.
func (l *Lexicon) Match(text string) []Hit { return l.AppendMatches(nil, text) }

// AppendMatches appends the hits in text to dst and returns it. It
// allocates nothing when dst has room.
func (l *Lexicon) AppendMatches(dst []Hit, text string) []Hit {
	sc := l.pool.Get().(*scratch)
	defer l.pool.Put(sc)
	l.norm.Text(&sc.txt, text)
	return l.appendMatches(dst, sc, &sc.txt)
}

// AppendMatchesText is AppendMatches over a text the caller has already
// normalized with l.Normalizer(), so a pipeline normalizes each post once.
// Offsets are into txt.Source().
func (l *Lexicon) AppendMatchesText(dst []Hit, txt *normalize.Text) []Hit {
	sc := l.pool.Get().(*scratch)
	defer l.pool.Put(sc)
	return l.appendMatches(dst, sc, txt)
}

func (l *Lexicon) appendMatches(dst []Hit, sc *scratch, txt *normalize.Text) []Hit {
	sc.cur, sc.norm = txt, txt.Normalized()
	defer func() { sc.cur, sc.norm = nil, "" }()
	sc.words = l.collectWords(sc.words[:0], sc.norm)
	return l.matchWords(dst, sc)
}

// matchWords appends the hits in sc.words, the words of sc.cur.
func (l *Lexicon) matchWords(dst []Hit, sc *scratch) []Hit {
	sc.arabizi = arabiziUnknown
	for i := 0; i < len(sc.words); {
		w := &sc.words[i]
		// Only a single letter can start a spaced-out run.
		if w.single {
			if end := spacedRunEnd(sc.words, sc.norm, i); end > i {
				dst = l.matchSpaced(dst, sc, i, end)
				i = end
				continue
			}
		}
		// Most words start no entry, and collectWords has said so.
		if w.maybe {
			if hit, next, ok := l.matchAt(sc, i); ok {
				dst = append(dst, hit)
				i = next
				continue
			}
		}
		i++
	}
	return dst
}

// candidate is a possible match at one word.
type candidate struct {
	id         int32
	start, end int // normalized offsets of the matched text
	next       int // the word after the match
	words      int // how many words the match covers
}

// better prefers more words, then a longer stem.
func (c candidate) better(than candidate) bool {
	return than.id < 0 || c.words > than.words || c.words == than.words && c.end-c.start > than.end-than.start
}

// matchAt finds the longest entry starting at word i: the most words, then
// the longest stem, over every proclitic and suffix the word may carry.
func (l *Lexicon) matchAt(sc *scratch, i int) (Hit, int, bool) {
	w := sc.words[i]
	if w.latin {
		return l.matchLatin(sc, i)
	}
	best := candidate{id: -1}
	try := func(c candidate) {
		if c.better(best) {
			best = c
		}
	}
	text := w.text(sc.norm)
	letters := letterCount(text)
	sufs := suffixesOf(text)
	// The word as it is (p < 0), then without each proclitic it starts
	// with, in the order of proclitics.
	for procs, p := procliticsOf(text), -1; ; p, procs = bits.TrailingZeros32(procs), procs&(procs-1) {
		rest, restLetters := text, letters
		if p >= 0 {
			rest, restLetters = rest[clitics.proc[p].len:], letters-clitics.proc[p].letter
		}
		if p < 0 || restLetters >= minStripped {
			start := w.end - len(rest)
			if k, ok := l.index.getIn(sc.norm, start, w.end); ok {
				s := &l.slots[k]
				for _, pi := range s.phrases {
					if end, last, ok := l.matchPhrase(sc, i, pi); ok {
						try(candidate{l.phrases[pi].entry, start, end, last + 1, len(l.phrases[pi].words)})
						break // phrases are sorted longest first
					}
				}
				if s.exact >= 0 {
					try(candidate{s.exact, start, start + len(rest), i + 1, 1})
				}
			}
			for m := sufs; m != 0; m &= m - 1 {
				suf := &clitics.suf[bits.TrailingZeros32(m)]
				if suf.len > len(rest) {
					continue
				}
				stem := rest[:len(rest)-suf.len]
				if n := restLetters - suf.letter; n < minStripped-1 || p >= 0 && n < minStripped {
					continue
				}
				if k, ok := l.index.getIn(sc.norm, start, start+len(stem)); ok && l.slots[k].stem >= 0 {
					try(candidate{l.slots[k].stem, start, start + len(stem), i + 1, 1})
				}
			}
		}
		if procs == 0 {
			break
		}
	}
	if best.id < 0 {
		return Hit{}, 0, false
	}
	return l.hit(sc, best.id, best.start, best.end), best.next, true
}

// mayMatch reports whether the Arabic word s[start:end] may have a reading
// in the index: the word itself or the word without a proclitic, as a key
// or as a stem key with a suffix. Most words have none, and one look-up in
// l.readings for each proclitic reading rules them out, where matchAt
// would try every proclitic with every suffix. A yes may be wrong; a no is
// not.
func (l *Lexicon) mayMatch(s string, start, end int) bool {
	w := s[start:end]
	if end < 8 { // too close to the start of s for hashIn
		if l.readings.has(hashKey(w)) {
			return true
		}
		for procs := procliticsOf(w); procs != 0; procs &= procs - 1 {
			if l.readings.has(hashKey(w[clitics.proc[bits.TrailingZeros32(procs)].len:])) {
				return true
			}
		}
		return false
	}
	if l.readings.has(hashIn(s, start, end)) {
		return true
	}
	for procs := procliticsOf(w); procs != 0; procs &= procs - 1 {
		if l.readings.has(hashIn(s, start+clitics.proc[bits.TrailingZeros32(procs)].len, end)) {
			return true
		}
	}
	return false
}

// matchPhrase checks phrase pi against the words from i on (word i already
// matched its first word). It returns the normalized end of the match and
// the index of its last word.
func (l *Lexicon) matchPhrase(sc *scratch, i int, pi int32) (int, int, bool) {
	ph := &l.phrases[pi]
	if i+len(ph.words) > len(sc.words) || !ph.mayContinue(sc.words[i+1].text(sc.norm)) {
		return 0, 0, false
	}
	stemmable := l.entries[ph.entry].Flags&NoStem == 0
	end := sc.words[i].end
	for k := 1; k < len(ph.words); k++ {
		prev, w := sc.words[i+k-1], sc.words[i+k]
		if !onlySpace(sc.norm[prev.end:w.start]) {
			return 0, 0, false // punctuation or an emoji between the words
		}
		n, ok := wordMatches(w.text(sc.norm), ph.words[k], stemmable && k == len(ph.words)-1)
		if !ok {
			return 0, 0, false
		}
		end = w.start + n
	}
	return end, i + len(ph.words) - 1, true
}

// wordMatches reports whether token is want after stripping a proclitic
// (and, when stemmable, a suffix), and where in token the match ends.
func wordMatches(token, want string, stemmable bool) (int, bool) {
	for procs, p := procliticsOf(token), -1; ; p, procs = bits.TrailingZeros32(procs), procs&(procs-1) {
		rest := token
		if p >= 0 {
			rest = rest[clitics.proc[p].len:]
		}
		off := len(token) - len(rest)
		if rest == want {
			return off + len(rest), true
		}
		if stemmable {
			// A final ه (ة) is dropped before a suffix: تاشيره, تاشيرات.
			for _, stem := range [2]string{want, strings.TrimSuffix(want, "ه")} {
				if strings.HasPrefix(rest, stem) && isSuffix(rest[len(stem):]) {
					return off + len(stem), true
				}
			}
		}
		if procs == 0 {
			return 0, false
		}
	}
}

func onlySpace(s string) bool { return strings.TrimSpace(s) == "" }

// matchLatin matches a Latin-script word: exactly, through the English
// stemmer for English entries, or through its consonant skeleton for
// Arabizi.
func (l *Lexicon) matchLatin(sc *scratch, i int) (Hit, int, bool) {
	w := sc.words[i]
	text := w.text(sc.norm)
	if k, ok := l.index.get(text); ok {
		s := &l.slots[k]
		for _, pi := range s.phrases {
			if end, last, ok := l.matchPhrase(sc, i, pi); ok {
				return l.hit(sc, l.phrases[pi].entry, w.start, end), last + 1, true
			}
		}
		if s.exact >= 0 {
			return l.hit(sc, s.exact, w.start, w.end), i + 1, true
		}
	}
	if len(text) >= englishPrefixLen {
		if _, ok := l.englishPrefix.get(text[:englishPrefixLen]); ok {
			sc.stem = appendEnglishStem(sc.stem[:0], text)
			if id, ok := l.english.getBytes(sc.stem); ok {
				return l.hit(sc, id, w.start, w.end), i + 1, true
			}
		}
	}
	if sc.postLooksArabizi() || normalize.LooksArabizi(text) {
		if _, common := commonEnglish[text]; !common {
			if id, ok := l.matchSpelling(sc, text); ok {
				return l.hit(sc, id, w.start, w.end), i + 1, true
			}
			sc.skel = normalize.AppendArabiziSkeleton(sc.skel[:0], text)
			if len(sc.skel) >= minSkeleton {
				if id, ok := l.skeletons.getBytes(sc.skel); ok {
					h := l.hit(sc, id, w.start, w.end)
					h.Weight *= skeletonDiscount
					return h, i + 1, true
				}
			}
		}
	}
	return Hit{}, 0, false
}

// skeletonDiscount scales the weight of a hit found only through the
// consonant skeleton: Arabizi spellings collide with unrelated words more
// often than written terms do (jarrab "try" and جروب "group").
const skeletonDiscount = 0.5

func (l *Lexicon) hit(sc *scratch, id int32, start, end int) Hit {
	e := &l.entries[id]
	s, en := sc.cur.Original(start, end)
	return Hit{Category: e.Category, Term: e.Term, Start: s, End: en, Weight: e.Weight}
}

// spacedRunEnd returns the end of the run of single letters split by
// single separators that starts at word i (م ه ر ب، م.ه.ر.ب), or i when
// there is none of at least normalize.MinSpacedRun letters. The separator
// must be the same throughout the run: evaders who split letters with dots
// or dashes leave a space between words.
func spacedRunEnd(words []word, norm string, i int) int {
	j, sep := i, ""
	for j < len(words) && words[j].single {
		if j > i {
			gap := norm[words[j-1].end:words[j].start]
			if !normalize.SpacedGap(gap) || sep != "" && gap != sep {
				break
			}
			sep = gap
		}
		j++
	}
	if j-i >= normalize.MinSpacedRun {
		return j
	}
	return i
}

// matchSpaced joins the letters of words[i:end] and finds entries inside
// the joined run, leftmost-longest: the run may cover several words
// (م ه ر ب ا ل ي ا ل م ا ن ي ا), so terms are looked up at every letter.
func (l *Lexicon) matchSpaced(dst []Hit, sc *scratch, i, end int) []Hit {
	// joined holds the run's letters; at[k] is where letter k starts in
	// it, and at[n] its length.
	sc.joined, sc.at = sc.joined[:0], sc.at[:0]
	for _, w := range sc.words[i:end] {
		sc.at = append(sc.at, len(sc.joined))
		sc.joined = append(sc.joined, w.text(sc.norm)...)
	}
	n := end - i
	sc.at = append(sc.at, len(sc.joined))
	for p := 0; p < n; {
		found := false
		for size := min(n-p, l.maxJoined); size >= normalize.MinSpacedRun; size-- {
			key := sc.joined[sc.at[p]:sc.at[p+size]]
			id := int32(-1)
			if k, ok := l.index.getBytes(key); ok {
				if s := &l.slots[k]; s.exact >= 0 {
					id = s.exact
				} else if s.stem >= 0 {
					id = s.stem
				}
			}
			if id < 0 {
				if pid, ok := l.joinedPhrases.getBytes(key); ok {
					id = pid
				}
			}
			if id >= 0 {
				dst = append(dst, l.hit(sc, id, sc.words[i+p].start, sc.words[i+p+size-1].end))
				p += size
				found = true
				break
			}
		}
		if !found {
			p++
		}
	}
	return dst
}

// postLooksArabizi reports whether a post's Latin words are likely
// Arabizi: one token with Arabizi digits, two common Arabizi function
// words, or a post mostly in Arabic script (a Latin word there is more
// often an Arabic word switched to Latin letters than English).
func postLooksArabizi(words []word, norm string) bool {
	arabic, latin := 0, 0
	for _, w := range words {
		if w.latin {
			latin++
		} else {
			arabic++
		}
	}
	if latin > 0 && arabic >= 2*latin {
		return true
	}
	function := 0
	for _, w := range words {
		if !w.latin {
			continue
		}
		text := w.text(norm)
		if normalize.LooksArabizi(text) {
			return true
		}
		if _, ok := arabiziFunctionWords[text]; ok {
			function++
			if function >= 2 {
				return true
			}
		}
	}
	return false
}

// arabiziFunctionWords are frequent Arabizi words that are not English.
var arabiziFunctionWords = map[string]struct{}{
	"el": {}, "al": {}, "wel": {}, "fi": {}, "fe": {}, "ana": {}, "enta": {}, "inta": {}, "ya": {}, "bas": {},
	"mesh": {}, "mish": {}, "msh": {}, "shi": {}, "shu": {}, "eh": {}, "ahla": {}, "wallah": {}, "wallahi": {},
	"kif": {}, "keef": {}, "leh": {}, "lesh": {}, "lazem": {}, "lazim": {}, "bedi": {}, "baddi": {}, "wen": {},
	"wein": {}, "hal": {}, "hay": {}, "hadi": {}, "hatha": {}, "hada": {}, "kaman": {}, "kamen": {}, "bdi": {},
	"ma3": {}, "3la": {}, "min": {}, "mn": {}, "ila": {}, "lel": {}, "lal": {}, "yalla": {}, "habibi": {},
	"akhi": {}, "a5i": {}, "shlon": {}, "shlonak": {}, "aku": {}, "maku": {}, "hwaya": {}, "zain": {}, "zein": {},
	"ahh": {}, "bel": {}, "bil": {}, "3ala": {}, "3an": {}, "ento": {}, "entu": {}, "ehna": {}, "e7na": {},
}

// commonEnglish are English words whose consonant skeletons would otherwise
// collide with Arabic entries; they are never matched as Arabizi.
var commonEnglish = map[string]struct{}{
	"the": {}, "and": {}, "for": {}, "with": {}, "this": {}, "that": {}, "from": {}, "have": {}, "more": {},
	"hard": {}, "border": {}, "borders": {}, "here": {}, "there": {}, "where": {}, "want": {}, "need": {},
	"money": {}, "road": {}, "hotel": {}, "price": {}, "trip": {}, "travel": {}, "ticket": {}, "flight": {},
	"call": {}, "number": {}, "phone": {}, "good": {}, "great": {}, "thanks": {}, "thank": {}, "please": {},
	"people": {}, "family": {}, "friend": {}, "friends": {}, "time": {}, "today": {}, "tomorrow": {},
	"night": {}, "day": {}, "week": {}, "month": {}, "year": {}, "about": {}, "after": {}, "before": {},
	"would": {}, "could": {}, "should": {}, "will": {}, "just": {}, "like": {}, "know": {}, "make": {},
	"made": {}, "take": {}, "back": {}, "home": {}, "city": {}, "country": {}, "work": {}, "world": {},
	"news": {}, "report": {}, "police": {}, "guard": {}, "guards": {}, "forest": {}, "fence": {},
	"group": {}, "groups": {}, "best": {}, "first": {}, "last": {}, "next": {}, "only": {}, "also": {},
	"what": {}, "when": {}, "which": {}, "who": {}, "how": {}, "why": {}, "our": {}, "your": {}, "their": {},
	"they": {}, "them": {}, "then": {}, "than": {}, "into": {}, "over": {}, "under": {}, "very": {},
	"much": {}, "many": {}, "some": {}, "any": {}, "every": {}, "other": {}, "another": {}, "same": {},
	"free": {}, "safe": {}, "sure": {}, "true": {}, "real": {}, "fast": {}, "easy": {}, "open": {},
	"close": {}, "online": {}, "available": {}, "service": {}, "services": {}, "office": {}, "company": {},
	"contact": {}, "details": {}, "info": {}, "private": {}, "message": {}, "whatsapp": {}, "telegram": {},
	"instagram": {}, "facebook": {}, "follow": {}, "share": {}, "post": {}, "page": {}, "link": {},
	"driver": {}, "car": {}, "cars": {}, "boat": {}, "river": {}, "sea": {}, "water": {}, "food": {},
	"germany": {}, "poland": {}, "europe": {}, "minsk": {}, "belarus": {}, "turkey": {}, "greece": {},
}
