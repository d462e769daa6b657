package classify

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/ghurbal/ghurbal/extract"
	"github.com/ghurbal/ghurbal/internal/nb"
	"github.com/ghurbal/ghurbal/lexicon"
	"github.com/ghurbal/ghurbal/normalize"
)

// Settings say which features a model uses and how it is smoothed. They
// are stored in the model file, so a model is always scored with the
// features it was trained on.
type Settings struct {
	// Buckets is the size of the hashed feature space: memory is bounded by
	// it whatever the vocabulary (labels × buckets × 4 bytes at scoring).
	Buckets uint32 `json:"buckets"`
	// Words: normalized words, numbers' digit counts and emojis.
	Words bool `json:"words"`
	// Stems: the light stem of each Arabic word (clitics and suffixes
	// stripped), so والمهربين and مهرب share evidence.
	Stems bool `json:"stems"`
	// Pairs: adjacent word pairs.
	Pairs bool `json:"pairs"`
	// CharMin and CharMax bound the character n-grams taken inside words
	// (with word boundaries marked); 0 switches them off. They carry
	// misspellings and unseen inflections.
	CharMin int `json:"char_min"`
	CharMax int `json:"char_max"`
	// Skeletons: the consonant skeleton of each word, Arabic or Latin, so a
	// word typed in Arabizi (threeb) shares evidence with its Arabic
	// spelling (تهريب).
	Skeletons bool `json:"skeletons"`
	// Lexicon: one feature per lexicon hit's category and one per term,
	// including reporting hits, the evidence against facilitation.
	Lexicon bool `json:"lexicon"`
	// LexiconWeight repeats each lexicon feature this many times, so the
	// curated evidence weighs more than one word.
	LexiconWeight int `json:"lexicon_weight"`
	// Signals: phone countries, prices and currencies, messenger handles,
	// links, locations and the Arabizi script profile.
	Signals bool `json:"signals"`
	// Binary counts each feature once per post.
	Binary bool `json:"binary"`
	// Alpha is the Lidstone smoothing constant.
	Alpha float64 `json:"alpha"`
	// Complement switches to complement naive Bayes.
	Complement bool `json:"complement"`
	// Negative names the label that is never flagged ("other" for the
	// default labels); empty means every label can be.
	Negative string `json:"negative"`
}

// DefaultSettings are the settings the default model is trained with: the
// best found by `go run ./examples/train -tune` on corpus/posts.jsonl.
func DefaultSettings() Settings {
	return Settings{
		Buckets: 1 << 18, Words: true, Stems: true, Skeletons: true, Pairs: true, CharMin: 3, CharMax: 5,
		Lexicon: true, LexiconWeight: 4, Signals: true, Binary: false, Alpha: 0.03, Negative: "other",
	}
}

// maxBuckets bounds Settings.Buckets (the model core's own limit).
const maxBuckets = 1 << 24

func (s Settings) validate() error {
	switch {
	case s.Buckets == 0 || s.Buckets > maxBuckets:
		return fmt.Errorf("classify: buckets %d out of range [1, %d]", s.Buckets, maxBuckets)
	case s.CharMin < 0 || s.CharMax < s.CharMin || s.CharMax > maxCharMax || s.CharMin == 0 && s.CharMax != 0:
		return fmt.Errorf("classify: character n-gram range [%d, %d] invalid (0,0 or 1 ≤ min ≤ max ≤ 8)", s.CharMin, s.CharMax)
	case s.LexiconWeight < 0 || s.LexiconWeight > 16:
		return fmt.Errorf("classify: lexicon weight %d out of range [0, 16]", s.LexiconWeight)
	case !(s.Alpha > 0) || s.Alpha > 100:
		return fmt.Errorf("classify: alpha %g out of range (0, 100]", s.Alpha)
	case !s.Words && !s.Stems && !s.Pairs && s.CharMin == 0 && !s.Lexicon && !s.Signals:
		return fmt.Errorf("classify: no feature group enabled")
	}
	return nil
}

func (s Settings) String() string {
	b, _ := json.Marshal(s)
	return string(b)
}

// Feature kinds, as written in explanations ("w:مهرب").
const (
	kindWord    = 'w' // a normalized word
	kindStem    = 's' // a light stem
	kindPair    = 'p' // two adjacent words
	kindChars   = 'c' // a character n-gram
	kindEmoji   = 'e' // an emoji
	kindNumber  = 'n' // a number, by digit count
	kindLexicon = 'L' // a lexicon category
	kindTerm    = 'T' // a lexicon term
	kindSignal  = 'S' // an extracted signal
	kindSkel    = 'k' // a consonant skeleton
)

// feature describes one feature of a post for explanations: its kind and
// up to two strings that name it (the strings are never copied).
type feature struct {
	kind byte
	a, b string
}

// Name returns the feature as written in explanations.
func (f feature) name() string {
	switch {
	case f.kind == kindChars:
		return "c:" + strings.Repeat("^", strings.Count(f.b, "^")) + f.a + strings.Repeat("$", strings.Count(f.b, "$"))
	case f.kind == kindPair:
		return "p:" + f.a + " " + f.b
	case f.b == "":
		return string(f.kind) + ":" + f.a
	}
	return string(f.kind) + ":" + f.a + ":" + f.b
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hash is the definition of a feature's hash: 64-bit FNV-1a over the kind
// byte, the first string and, when there is a second string, 0xFF and the
// second string. The model's bucket of a feature is its hash modulo
// Settings.Buckets, so changing any of this invalidates every model file.
// The extractor computes the same value incrementally (fnv, hashOf, the
// shared prefixes of addCharGrams); TestFastFeaturesMatchReference checks
// that the two agree.
func (f feature) hash() uint64 {
	h := uint64(fnvOffset)
	h = (h ^ uint64(f.kind)) * fnvPrime
	for i := 0; i < len(f.a); i++ {
		h = (h ^ uint64(f.a[i])) * fnvPrime
	}
	if f.b != "" {
		h = (h ^ 0xFF) * fnvPrime // 0xFF never occurs in UTF-8
		for i := 0; i < len(f.b); i++ {
			h = (h ^ uint64(f.b[i])) * fnvPrime
		}
	}
	return h
}

// fnv is a running FNV-1a hash, as feature.hash computes it. Building a
// hash step by step lets the extractor hash a feature without making a
// feature value, and share the hash of a common prefix between features
// (the character n-grams that start at the same letter).
type fnv uint64

// fnvKind starts the hash of a feature of the given kind.
func fnvKind(kind byte) fnv { return fnv((fnvOffset ^ uint64(kind)) * fnvPrime) }

func (h fnv) addByte(b byte) fnv { return (h ^ fnv(b)) * fnvPrime }

func (h fnv) addString(s string) fnv {
	for i := 0; i < len(s); i++ {
		h = (h ^ fnv(s[i])) * fnvPrime
	}
	return h
}

// add2 adds two bytes, as addString of a two-byte string would.
func (h fnv) add2(a, b byte) fnv { return (((h ^ fnv(a)) * fnvPrime) ^ fnv(b)) * fnvPrime }

// addSecond ends a hash with a feature's second string: nothing when it is
// empty, else 0xFF and the string.
func (h fnv) addSecond(b string) fnv {
	if b == "" {
		return h
	}
	return h.addByte(0xFF).addString(b)
}

// hashOf is feature{kind, a, b}.hash().
func hashOf(kind byte, a, b string) fnv { return fnvKind(kind).addString(a).addSecond(b) }

// featureSet accumulates a post's features: hashed ids for the model and,
// when explaining, their descriptions in the same order.
//
// When scoring (model set), the ids are added into scores as they come:
// ids is a buffer emptied whenever it holds flushAt ids, so a post of any
// length is scored in constant memory. The additions happen in the order
// the features are made, as LogScores over all of them would do them, so
// the scores are the same bit for bit. When training or explaining, ids
// holds all the post's features.
type featureSet struct {
	ids     []uint32
	descs   []feature
	buckets uint64
	mask    uint64 // buckets-1: the remainder by a power of two is a mask
	pow2    bool   // buckets is a power of two
	explain bool
	model   *nb.Model // scores ids as they come when not nil
	scores  []float64 // the running log scores, one per label
	toks    tokens
	joined  []byte // spaced-out runs joined; only appended to within a post when explaining
	skel    []byte // word skeletons; only appended to within a post when explaining
	grams   gramScratch
}

// gramScratch is addCharGrams' working memory, kept here rather than on
// the stack because Go would clear its 3 KB for every word.
type gramScratch struct {
	starts [maxGramRunes + 1]int // byte offset of each rune, then len(w)
	// prefix[lo][k-1] is the hash of kind c and the k runes from rune lo.
	prefix [maxGramRunes][maxCharMax]fnv
}

// flushAt is how many ids a scoring featureSet buffers: enough to amortize
// the call, small enough to stay in the L1 cache.
const flushAt = 512

// reset prepares fs for a post.
func (fs *featureSet) reset(buckets uint32, explain bool, model *nb.Model, scores []float64) {
	fs.ids, fs.descs = fs.ids[:0], fs.descs[:0]
	fs.buckets, fs.explain, fs.model, fs.scores = uint64(buckets), explain, model, scores
	fs.pow2 = buckets&(buckets-1) == 0
	fs.mask = fs.buckets - 1
}

// id turns a feature hash into the feature's bucket. Buckets is normally a
// power of two, where a mask gives the remainder without a 64-bit division
// (which costs more than hashing a short word).
func (fs *featureSet) id(h fnv) uint32 {
	if fs.pow2 {
		return uint32(uint64(h) & fs.mask)
	}
	return uint32(uint64(h) % fs.buckets)
}

// emit adds the feature whose hash is h; describe must follow when
// fs.explain.
func (fs *featureSet) emit(h fnv) { fs.ids = append(fs.ids, fs.id(h)) }

// describe records the description of the feature just emitted.
func (fs *featureSet) describe(f feature) { fs.descs = append(fs.descs, f) }

// add emits feature f, times times over: the plain path, for the few
// features that are not per word.
func (fs *featureSet) add(f feature, times int) {
	id := fs.id(fnv(f.hash()))
	for range times {
		fs.ids = append(fs.ids, id)
		if fs.explain {
			fs.describe(f)
		}
	}
}

// flush adds the buffered ids to the scores, when scoring: at the end of
// the post (final), keeping them for explanations, and before that whenever
// the buffer is full, emptying it, unless explaining.
func (fs *featureSet) flush(final bool) {
	if fs.model == nil || !final && (fs.explain || len(fs.ids) < flushAt) {
		return
	}
	fs.model.AddLogLikelihoods(fs.scores, fs.ids)
	if !final {
		fs.ids = fs.ids[:0]
	}
}

// minSkeleton is the fewest consonant classes a skeleton feature needs:
// shorter ones are shared by too many unrelated words.
const minSkeleton = 2

// digitCounts names numbers by their digit count, so prices and phone
// numbers are features without their values.
var digitCounts = [...]string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15+"}

// extractFeatures appends the features of a normalized post, its lexicon
// hits and its signals. norm is the normalized text; the features' strings
// are slices of it, of the lexicon's terms, or constants.
//
// The order of the features is part of the model's definition (scores add
// their float weights in this order): per token, its word, stem, the pair
// with the previous word, character n-grams and skeleton; then the lexicon
// hits; then the signals.
func (s *Settings) extractFeatures(fs *featureSet, norm string, hits []lexicon.Hit, sig *extract.Signals) {
	prev, hasPrev := fnv(0), false // the hash of kind p and the previous word: a pair's first half
	prevWord := ""                 // the previous word, for explanations
	fs.toks.reset(norm)
	fs.joined, fs.skel = fs.joined[:0], fs.skel[:0]
	for {
		tok, ok := fs.toks.take()
		if !ok {
			break
		}
		if !fs.explain {
			// Only descriptions keep strings from joined and skel past
			// their token: without them the buffers need not grow with
			// the post.
			fs.joined, fs.skel = fs.joined[:0], fs.skel[:0]
		}
		if n := fs.toks.spacedRun(tok); n > 0 {
			// Letters spaced out by an evader (م ه ر ب) read as one word.
			start := len(fs.joined)
			fs.joined = append(fs.joined, tok.Text...)
			for range n {
				if t, _ := fs.toks.take(); t.Kind == normalize.KindArabic {
					fs.joined = append(fs.joined, t.Text...)
				}
			}
			tok = normalize.Token{Kind: normalize.KindArabic, Text: unsafe.String(&fs.joined[start], len(fs.joined)-start)}
		}
		switch tok.Kind {
		case normalize.KindArabic, normalize.KindLatin, normalize.KindHashtag:
			w := tok.Text
			if tok.Kind == normalize.KindHashtag {
				w = w[1:]
			}
			next := s.addWord(fs, tok.Kind, w, prev, hasPrev, prevWord)
			// An empty previous word has never started a pair (a bare #
			// is punctuation, so it cannot happen today).
			prev, hasPrev, prevWord = next, w != "", w
		case normalize.KindNumber:
			if s.Words {
				fs.add(feature{kind: kindNumber, a: digitCounts[min(countDigits(tok.Text), len(digitCounts)-1)]}, 1)
			}
			hasPrev = false
		case normalize.KindEmoji:
			if s.Words {
				fs.emit(hashOf(kindEmoji, tok.Text, ""))
				if fs.explain {
					fs.describe(feature{kind: kindEmoji, a: tok.Text})
				}
			}
		default:
			hasPrev = false
		}
		fs.flush(false)
	}
	if s.Lexicon {
		for _, h := range hits {
			fs.add(feature{kind: kindLexicon, a: h.Category}, s.LexiconWeight)
			fs.add(feature{kind: kindTerm, a: h.Category, b: h.Term}, s.LexiconWeight)
			fs.flush(false)
		}
	}
	if s.Signals && sig != nil {
		for _, p := range sig.Phones {
			fs.add(feature{kind: kindSignal, a: "phone"}, 1)
			if p.Country != "" {
				fs.add(feature{kind: kindSignal, a: "phone", b: p.Country}, 1)
			}
			fs.flush(false)
		}
		for _, p := range sig.Prices {
			fs.add(feature{kind: kindSignal, a: "price", b: p.Currency}, 1)
			fs.flush(false)
		}
		for _, h := range sig.Handles {
			fs.add(feature{kind: kindSignal, a: "handle", b: h.Platform}, 1)
			fs.flush(false)
		}
		if len(sig.URLs) > 0 {
			fs.add(feature{kind: kindSignal, a: "url"}, 1)
		}
		for _, l := range sig.Locations {
			fs.add(feature{kind: kindSignal, a: "location", b: l.Kind}, 1)
			fs.flush(false)
		}
		if sig.Script.ArabiziLikely {
			fs.add(feature{kind: kindSignal, a: "arabizi"}, 1)
		}
	}
	fs.flush(true)
}

// addWord adds the features of word w, a token of the given kind: the
// word, its stem, its pair with the previous word (when hasPair: pair is
// the hash of kind p and the previous word, prevWord), its character
// n-grams and its skeleton. It returns the hash that begins the next word's
// pair.
func (s *Settings) addWord(fs *featureSet, kind normalize.Kind, w string, pair fnv, hasPair bool, prevWord string) fnv {
	// Three hashes read w: the word's, the pair that ends with it
	// (pair.addSecond(w)) and the next pair's first half. One pass over the
	// bytes computes them side by side, three independent multiplications
	// at a time.
	hw, hq, hp := fnvKind(kindWord), pair.addByte(0xFF), fnvKind(kindPair)
	for i := 0; i < len(w); i++ {
		b := fnv(w[i])
		hw, hq, hp = (hw^b)*fnvPrime, (hq^b)*fnvPrime, (hp^b)*fnvPrime
	}
	if w == "" {
		hq = pair // an empty second string adds nothing, not even 0xFF
	}
	if s.Words {
		fs.emit(hw)
		if fs.explain {
			fs.describe(feature{kind: kindWord, a: w})
		}
	}
	if s.Stems && kind == normalize.KindArabic {
		if st := normalize.LightStem(w); st != w && st != "" {
			fs.emit(hashOf(kindStem, st, ""))
			if fs.explain {
				fs.describe(feature{kind: kindStem, a: st})
			}
		}
	}
	if s.Pairs && hasPair {
		fs.emit(hq)
		if fs.explain {
			fs.describe(feature{kind: kindPair, a: prevWord, b: w})
		}
	}
	if s.CharMin > 0 {
		s.addCharGrams(fs, w)
	}
	if s.Skeletons {
		at := len(fs.skel)
		if kind == normalize.KindLatin {
			fs.skel = normalize.AppendArabiziSkeleton(fs.skel, w)
		} else {
			fs.skel = normalize.AppendArabicSkeleton(fs.skel, w)
		}
		if n := len(fs.skel) - at; n >= minSkeleton {
			sk := unsafe.String(&fs.skel[at], n)
			fs.emit(hashOf(kindSkel, sk, ""))
			if fs.explain {
				fs.describe(feature{kind: kindSkel, a: sk})
			}
		}
	}
	return hp
}

// tokens reads the tokens of a normalized text one at a time. Features
// look ahead only from a single letter, across a run of spaced-out letters,
// so only those tokens are kept: a post of any length is tokenized in a few
// tokens' memory (a token is 56 bytes, several times the text it covers).
type tokens struct {
	norm  string
	next  int               // where tokenizing resumes in norm
	ahead []normalize.Token // tokens read ahead, not yet taken from head on
	head  int
}

func (t *tokens) reset(norm string) { t.norm, t.next, t.ahead, t.head = norm, 0, t.ahead[:0], 0 }

// take returns the next token, or false after the last.
func (t *tokens) take() (normalize.Token, bool) {
	if t.head < len(t.ahead) {
		tok := t.ahead[t.head]
		if t.head++; t.head == len(t.ahead) {
			t.ahead, t.head = t.ahead[:0], 0
		}
		return tok, true
	}
	tok, next := normalize.NextToken(t.norm, t.next)
	if tok.Kind == 0 {
		return tok, false
	}
	t.next = next
	return tok, true
}

// peek returns the token i places after the next one to take (0 is that
// one), or false past the last token.
func (t *tokens) peek(i int) (normalize.Token, bool) {
	for t.head+i >= len(t.ahead) {
		tok, next := normalize.NextToken(t.norm, t.next)
		if tok.Kind == 0 {
			return tok, false
		}
		t.ahead, t.next = append(t.ahead, tok), next
	}
	return t.ahead[t.head+i], true
}

// spacedRun returns how many of the tokens after first (the token just
// taken) belong with it to a run of single letters split by single
// separators (م ه ر ب، م.ه.ر.ب), up to the run's last letter, or 0 when
// first does not start such a run of at least normalize.MinSpacedRun
// letters. Separator tokens (the dots of م.ه.ر.ب) inside the run are
// skipped; the gap between two letters must be one separator, the same
// throughout the run (so ف.ي.ز.ا ب-ي-ل-ا-ر-و-س-ي-ا is two words).
func (t *tokens) spacedRun(first normalize.Token) int {
	// A token longer than a rune is not a single letter: most tokens
	// are rejected without decoding.
	if len(first.Text) > utf8.UTFMax || !normalize.IsSingleLetter(first) {
		return 0
	}
	last, letters, sep, lastEnd := -1, 1, "", first.NormEnd // last: the last letter's peek index; -1 is first
	for k := 0; ; k++ {
		tok, ok := t.peek(k)
		if !ok {
			break
		}
		if tok.Kind == normalize.KindPunct && k == last+1 && normalize.SpacedGap(tok.Text) {
			continue
		}
		gap := t.norm[lastEnd:tok.NormStart]
		if !normalize.IsSingleLetter(tok) || !normalize.SpacedGap(gap) || sep != "" && gap != sep {
			break
		}
		last, letters, sep, lastEnd = k, letters+1, gap, tok.NormEnd
	}
	if letters >= normalize.MinSpacedRun {
		return last + 1
	}
	return 0
}

// addCharGrams adds the character n-grams of w, read as ^w$: a gram that
// starts or ends the word records it in its second string, so "^مه" and
// "مه" differ. Words over maxGramRunes runes (URL debris, floods of one
// letter) get none.
//
// The grams are added size by size, left to right (the order is part of
// the model): for each size, the gram with ^ (the first size-1 letters),
// the grams inside the word, and the gram with $ (the last size-1
// letters); a word shorter than the size has one gram with ^ and $ (size
// n+2) or a ^ gram and a $ gram over the whole word (size n+1). They are
// hashed letter by letter: grams that start at the same letter share
// their FNV prefix, so each start's prefix is extended one letter at a
// time up to CharMax, and each gram costs one letter and its boundary
// marks rather than all its bytes.
func (s *Settings) addCharGrams(fs *featureSet, w string) {
	starts, prefix := &fs.grams.starts, &fs.grams.prefix
	n := 0
	for i := 0; i < len(w); i++ {
		// Normalized text is valid UTF-8, where a rune starts at every
		// byte that is not a continuation byte.
		if w[i]&0xC0 != 0x80 {
			if n == maxGramRunes {
				return
			}
			starts[n] = i
			n++
		}
	}
	if n == 0 {
		return
	}
	starts[n] = len(w)
	// Each start's prefix is a chain of dependent multiplications; the
	// loops run across starts innermost, so that consecutive steps belong
	// to different chains and overlap in the CPU.
	if len(w) == 2*n {
		// Every rune is two bytes, as in Arabic words: rune i is
		// w[2i:2i+2], read without the offsets or a loop over its bytes.
		for lo := 0; lo < n; lo++ {
			prefix[lo][0] = fnvKind(kindChars).add2(w[2*lo], w[2*lo+1])
		}
		for k := 1; k < s.CharMax; k++ {
			for lo := 0; lo+k < n; lo++ {
				prefix[lo][k] = prefix[lo][k-1].add2(w[2*(lo+k)], w[2*(lo+k)+1])
			}
		}
	} else {
		for lo := 0; lo < n; lo++ {
			prefix[lo][0] = fnvKind(kindChars).addString(w[starts[lo]:starts[lo+1]])
		}
		for k := 1; k < s.CharMax; k++ {
			for lo := 0; lo+k < n; lo++ {
				prefix[lo][k] = prefix[lo][k-1].addString(w[starts[lo+k]:starts[lo+k+1]])
			}
		}
	}
	for size := s.CharMin; size <= s.CharMax && size <= n+2; size++ {
		if size == n+2 { // ^w$
			fs.gram(prefix[0][n-1].addByte(0xFF).addByte('^').addByte('$'), w, starts, 0, n, "^$")
			continue
		}
		if size >= 2 { // ^ and the first size-1 letters
			fs.gram(prefix[0][size-2].addByte(0xFF).addByte('^'), w, starts, 0, size-1, "^")
		}
		for i := 0; i+size <= n; i++ {
			fs.gram(prefix[i][size-1], w, starts, i, i+size, "")
		}
		if size >= 2 { // the last size-1 letters and $
			i := n + 1 - size
			fs.gram(prefix[i][size-2].addByte(0xFF).addByte('$'), w, starts, i, n, "$")
		}
	}
}

// gram emits the character n-gram of w from rune lo to rune hi, with
// boundary marks b, whose hash is h.
func (fs *featureSet) gram(h fnv, w string, starts *[maxGramRunes + 1]int, lo, hi int, b string) {
	fs.emit(h)
	if fs.explain {
		fs.describe(feature{kind: kindChars, a: w[starts[lo]:starts[hi]], b: b})
	}
}

// maxGramRunes is the longest word that gets character n-grams, and
// maxCharMax the largest Settings.CharMax.
const (
	maxGramRunes = 40
	maxCharMax   = 8
)

func countDigits(s string) int {
	n := 0
	for _, r := range s {
		if r >= '0' && r <= '9' || r != utf8.RuneError && r > 0x7F && isDigit(r) {
			n++
		}
	}
	return n
}

func isDigit(r rune) bool { return r >= 0x0660 && r <= 0x0669 || r >= 0x06F0 && r <= 0x06F9 }
