package classify

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/ghurbal/ghurbal/extract"
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
	case s.CharMin < 0 || s.CharMax < s.CharMin || s.CharMax > 8 || s.CharMin == 0 && s.CharMax != 0:
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

// featureSet accumulates a post's features: hashed ids for the model and,
// in the same order, their descriptions for explanations.
type featureSet struct {
	ids     []uint32
	descs   []feature
	buckets uint64
	explain bool
	toks    []normalize.Token
	joined  []byte // spaced-out runs joined; only appended to within a post
	skel    []byte // the post's word skeletons; only appended to within a post
}

// minSkeleton is the fewest consonant classes a skeleton feature needs:
// shorter ones are shared by too many unrelated words.
const minSkeleton = 2

func (fs *featureSet) add(f feature, times int) {
	id := uint32(f.hash() % fs.buckets)
	for range times {
		fs.ids = append(fs.ids, id)
		if fs.explain {
			fs.descs = append(fs.descs, f)
		}
	}
}

// digitCounts names numbers by their digit count, so prices and phone
// numbers are features without their values.
var digitCounts = [...]string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15+"}

// extractFeatures appends the features of a normalized post, its lexicon
// hits and its signals. norm is the normalized text; the features' strings
// are slices of it, of the lexicon's terms, or constants.
func (s *Settings) extractFeatures(fs *featureSet, norm string, hits []lexicon.Hit, sig *extract.Signals) {
	prev := ""
	fs.toks = fs.toks[:0]
	for tok, i := normalize.NextToken(norm, 0); tok.Kind != 0; tok, i = normalize.NextToken(norm, i) {
		fs.toks = append(fs.toks, tok)
	}
	fs.joined, fs.skel = fs.joined[:0], fs.skel[:0]
	for k := 0; k < len(fs.toks); k++ {
		tok := fs.toks[k]
		if end := spacedRunEnd(fs.toks, norm, k); end > k {
			// Letters spaced out by an evader (م ه ر ب) read as one word.
			start := len(fs.joined)
			for _, t := range fs.toks[k:end] {
				if t.Kind == normalize.KindArabic {
					fs.joined = append(fs.joined, t.Text...)
				}
			}
			tok = normalize.Token{Kind: normalize.KindArabic, Text: unsafe.String(&fs.joined[start], len(fs.joined)-start)}
			k = end - 1
		}
		switch tok.Kind {
		case normalize.KindArabic, normalize.KindLatin, normalize.KindHashtag:
			w := tok.Text
			if tok.Kind == normalize.KindHashtag {
				w = w[1:]
			}
			if s.Words {
				fs.add(feature{kind: kindWord, a: w}, 1)
			}
			if s.Stems && tok.Kind == normalize.KindArabic {
				if st := normalize.LightStem(w); st != w && st != "" {
					fs.add(feature{kind: kindStem, a: st}, 1)
				}
			}
			if s.Pairs && prev != "" {
				fs.add(feature{kind: kindPair, a: prev, b: w}, 1)
			}
			if s.CharMin > 0 {
				s.addCharGrams(fs, w)
			}
			if s.Skeletons {
				start := len(fs.skel)
				if tok.Kind == normalize.KindLatin {
					fs.skel = normalize.AppendArabiziSkeleton(fs.skel, w)
				} else {
					fs.skel = normalize.AppendArabicSkeleton(fs.skel, w)
				}
				if n := len(fs.skel) - start; n >= minSkeleton {
					fs.add(feature{kind: kindSkel, a: unsafe.String(&fs.skel[start], n)}, 1)
				}
			}
			prev = w
		case normalize.KindNumber:
			if s.Words {
				fs.add(feature{kind: kindNumber, a: digitCounts[min(countDigits(tok.Text), len(digitCounts)-1)]}, 1)
			}
			prev = ""
		case normalize.KindEmoji:
			if s.Words {
				fs.add(feature{kind: kindEmoji, a: tok.Text}, 1)
			}
		default:
			prev = ""
		}
	}
	if s.Lexicon {
		for _, h := range hits {
			fs.add(feature{kind: kindLexicon, a: h.Category}, s.LexiconWeight)
			fs.add(feature{kind: kindTerm, a: h.Category, b: h.Term}, s.LexiconWeight)
		}
	}
	if s.Signals && sig != nil {
		for _, p := range sig.Phones {
			fs.add(feature{kind: kindSignal, a: "phone"}, 1)
			if p.Country != "" {
				fs.add(feature{kind: kindSignal, a: "phone", b: p.Country}, 1)
			}
		}
		for _, p := range sig.Prices {
			fs.add(feature{kind: kindSignal, a: "price", b: p.Currency}, 1)
		}
		for _, h := range sig.Handles {
			fs.add(feature{kind: kindSignal, a: "handle", b: h.Platform}, 1)
		}
		if len(sig.URLs) > 0 {
			fs.add(feature{kind: kindSignal, a: "url"}, 1)
		}
		for _, l := range sig.Locations {
			fs.add(feature{kind: kindSignal, a: "location", b: l.Kind}, 1)
		}
		if sig.Script.ArabiziLikely {
			fs.add(feature{kind: kindSignal, a: "arabizi"}, 1)
		}
	}
}

// spacedRunEnd returns the index after the last letter of a run of single
// letters split by single separators (م ه ر ب، م.ه.ر.ب) that starts at
// toks[i], or i when there is none of at least normalize.MinSpacedRun
// letters. Separator tokens (the dots of م.ه.ر.ب) inside the run are
// skipped; the gap between two letters must be one separator, the same
// throughout the run (so ف.ي.ز.ا ب-ي-ل-ا-ر-و-س-ي-ا is two words).
func spacedRunEnd(toks []normalize.Token, norm string, i int) int {
	if !normalize.IsSingleLetter(toks[i]) {
		return i
	}
	last, letters, sep := i, 1, ""
	for k := i + 1; k < len(toks); k++ {
		if toks[k].Kind == normalize.KindPunct && k == last+1 && normalize.SpacedGap(toks[k].Text) {
			continue
		}
		gap := norm[toks[last].NormEnd:toks[k].NormStart]
		if !normalize.IsSingleLetter(toks[k]) || !normalize.SpacedGap(gap) || sep != "" && gap != sep {
			break
		}
		last, letters, sep = k, letters+1, gap
	}
	if letters >= normalize.MinSpacedRun {
		return last + 1
	}
	return i
}

// addCharGrams adds the character n-grams of w, read as ^w$: a gram that
// starts or ends the word records it in its second string, so "^مه" and
// "مه" differ. Words over maxGramRunes runes (URL debris, floods of one
// letter) get none.
func (s *Settings) addCharGrams(fs *featureSet, w string) {
	var starts [maxGramRunes + 1]int // byte offset of each rune, then len(w)
	n := 0
	for i := range w {
		if n == maxGramRunes {
			return
		}
		starts[n] = i
		n++
	}
	starts[n] = len(w)
	for size := s.CharMin; size <= s.CharMax; size++ {
		// i is the gram's first position in ^w$, less one: -1 is ^.
		for i := -1; i+size <= n+1; i++ {
			lo, hi, mark := max(i, 0), min(i+size, n), 0
			if i < 0 {
				mark |= 2
			}
			if i+size > n {
				mark |= 1
			}
			if hi > lo {
				fs.add(feature{kind: kindChars, a: w[starts[lo]:starts[hi]], b: boundary[mark]}, 1)
			}
		}
	}
}

// maxGramRunes is the longest word that gets character n-grams.
const maxGramRunes = 40

// boundary marks whether a character n-gram starts and/or ends the word.
var boundary = [4]string{"", "$", "^", "^$"}

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
