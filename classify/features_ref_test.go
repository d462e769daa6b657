package classify

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/ghurbal/ghurbal/extract"
	"github.com/ghurbal/ghurbal/lexicon"
	"github.com/ghurbal/ghurbal/normalize"
	"github.com/stretchr/testify/require"
)

// referenceFeatures is the plain statement of what extractFeatures makes:
// every token kept, every feature built as a value and hashed whole with
// feature.hash. extractFeatures computes the same ids faster (shared hash
// prefixes, a token window, scoring as it goes); any difference would
// silently invalidate every trained model, so the tests compare the two.
func referenceFeatures(s *Settings, norm string, hits []lexicon.Hit, sig *extract.Signals) []feature {
	var out []feature
	add := func(f feature, times int) {
		for range times {
			out = append(out, f)
		}
	}
	var toks []normalize.Token
	for tok, i := normalize.NextToken(norm, 0); tok.Kind != 0; tok, i = normalize.NextToken(norm, i) {
		toks = append(toks, tok)
	}
	prev := ""
	for k := 0; k < len(toks); k++ {
		tok := toks[k]
		if end := referenceSpacedRunEnd(toks, norm, k); end > k {
			joined := ""
			for _, t := range toks[k:end] {
				if t.Kind == normalize.KindArabic {
					joined += t.Text
				}
			}
			tok = normalize.Token{Kind: normalize.KindArabic, Text: joined}
			k = end - 1
		}
		switch tok.Kind {
		case normalize.KindArabic, normalize.KindLatin, normalize.KindHashtag:
			w := tok.Text
			if tok.Kind == normalize.KindHashtag {
				w = w[1:]
			}
			if s.Words {
				add(feature{kind: kindWord, a: w}, 1)
			}
			if s.Stems && tok.Kind == normalize.KindArabic {
				if st := normalize.LightStem(w); st != w && st != "" {
					add(feature{kind: kindStem, a: st}, 1)
				}
			}
			if s.Pairs && prev != "" {
				add(feature{kind: kindPair, a: prev, b: w}, 1)
			}
			if s.CharMin > 0 {
				runes := []int{}
				for i := range w {
					runes = append(runes, i)
				}
				n := len(runes)
				runes = append(runes, len(w))
				for size := s.CharMin; size <= s.CharMax && n <= maxGramRunes; size++ {
					for i := -1; i+size <= n+1; i++ {
						lo, hi, mark := max(i, 0), min(i+size, n), 0
						if i < 0 {
							mark |= 2
						}
						if i+size > n {
							mark |= 1
						}
						if hi > lo {
							add(feature{kind: kindChars, a: w[runes[lo]:runes[hi]], b: boundary[mark]}, 1)
						}
					}
				}
			}
			if s.Skeletons {
				var sk []byte
				if tok.Kind == normalize.KindLatin {
					sk = normalize.AppendArabiziSkeleton(nil, w)
				} else {
					sk = normalize.AppendArabicSkeleton(nil, w)
				}
				if len(sk) >= minSkeleton {
					add(feature{kind: kindSkel, a: string(sk)}, 1)
				}
			}
			prev = w
		case normalize.KindNumber:
			if s.Words {
				add(feature{kind: kindNumber, a: digitCounts[min(countDigits(tok.Text), len(digitCounts)-1)]}, 1)
			}
			prev = ""
		case normalize.KindEmoji:
			if s.Words {
				add(feature{kind: kindEmoji, a: tok.Text}, 1)
			}
		default:
			prev = ""
		}
	}
	if s.Lexicon {
		for _, h := range hits {
			add(feature{kind: kindLexicon, a: h.Category}, s.LexiconWeight)
			add(feature{kind: kindTerm, a: h.Category, b: h.Term}, s.LexiconWeight)
		}
	}
	if s.Signals && sig != nil {
		for _, p := range sig.Phones {
			add(feature{kind: kindSignal, a: "phone"}, 1)
			if p.Country != "" {
				add(feature{kind: kindSignal, a: "phone", b: p.Country}, 1)
			}
		}
		for _, p := range sig.Prices {
			add(feature{kind: kindSignal, a: "price", b: p.Currency}, 1)
		}
		for _, h := range sig.Handles {
			add(feature{kind: kindSignal, a: "handle", b: h.Platform}, 1)
		}
		if len(sig.URLs) > 0 {
			add(feature{kind: kindSignal, a: "url"}, 1)
		}
		for _, l := range sig.Locations {
			add(feature{kind: kindSignal, a: "location", b: l.Kind}, 1)
		}
		if sig.Script.ArabiziLikely {
			add(feature{kind: kindSignal, a: "arabizi"}, 1)
		}
	}
	return out
}

// boundary marks whether a character n-gram starts and/or ends the word.
var boundary = [4]string{"", "$", "^", "^$"}

func referenceSpacedRunEnd(toks []normalize.Token, norm string, i int) int {
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

// referenceSettings are the default settings and variations that exercise
// every switch: other n-gram ranges, buckets that are not a power of two.
func referenceSettings() []Settings {
	def := DefaultSettings()
	out := []Settings{def}
	for _, f := range []func(*Settings){
		func(s *Settings) { s.Buckets = 1000003 },
		func(s *Settings) { s.Buckets = 1 },
		func(s *Settings) { s.CharMin, s.CharMax = 1, 8 },
		func(s *Settings) { s.CharMin, s.CharMax = 0, 0 },
		func(s *Settings) { s.CharMin, s.CharMax = 2, 2 },
		func(s *Settings) { s.Words, s.Stems, s.Skeletons = false, false, false },
		func(s *Settings) { s.Pairs, s.Lexicon, s.Signals = false, false, false },
		func(s *Settings) { s.LexiconWeight = 0 },
	} {
		s := def
		f(&s)
		out = append(out, s)
	}
	return out
}

// referenceTexts are posts that reach the corners of extractFeatures.
func referenceTexts() []string {
	texts := []string{
		"", " ", "#", "# #", "#مهرب #", "مهرب # لالمانيا", "🔥 مهرب 🔥 لالمانيا", "مهرب 3500 لالمانيا",
		"م ه ر ب", "م.ه.ر.ب", "م-ه-ر-ب لالمانيا", "ف.ي.ز.ا ب-ي-ل-ا-ر-و-س-ي-ا", "م ه", "م ه.ر.ب", "م  ه  ر", "م . ه . ر",
		"م ه ر ب م ه ر ب", "a b c", "و ب ك ل مهرب",
		strings.Repeat("ه", 39), strings.Repeat("هم", 20), strings.Repeat("ه", 41) + " مهرب", strings.Repeat("abc", 14),
		"عدنا طريق مضمون لالمانيا واتساب +375290001234 السعر 3500$ م ه ر ب fiza ta7reeb 7dood",
		"t.me/abu_x @abu_x https://example.com/x?y=1 ٣٥٠٠ دولار 📍 53.9,27.56 كلمة",
		"ﻣﻬﺮﺏ مُهَرِّبـــين تهرييييب ڤيزا پولندا", "Минск Warszawa ŁÓDŹ ñ 中文 ١٢٣",
		"\xff\xfe مهرب \xc3", "\u200dم\u200dه\u200dر\u200dب", "مهرب\r\nلالمانيا\n\tfiza",
	}
	for _, text := range hostile() {
		if len(text) < 1<<16 {
			texts = append(texts, text)
		}
	}
	// A long post, scored in many chunks.
	texts = append(texts, strings.Repeat("عدنا طريق مضمون لالمانيا واتساب +375290001234 السعر 3500$ م ه ر ب fiza ", 300))
	// Random mixtures of the pieces above, spaced letters and separators.
	pieces := []string{"م", "ه", "ر", "ب", " ", ".", "-", "  ", "#", "3", "٣", "🔥", "مهرب", "fiza", "7", "\n", "ال", "ي"}
	rng := rand.New(rand.NewPCG(7, 11))
	for range 2000 {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	return texts
}

func TestFastFeaturesMatchReference(t *testing.T) {
	lex := lexicon.Default()
	texts := referenceTexts()
	for _, name := range []string{"../corpus/posts.jsonl", "../corpus/holdout.jsonl", "../../shared/datasets/astd/astd.jsonl"} {
		examples, err := loadExamples(name)
		if err != nil {
			t.Logf("%s: %v", name, err)
			continue
		}
		for _, e := range examples {
			texts = append(texts, e.Text)
		}
	}
	var x extractor
	for i, s := range referenceSettings() {
		if i > 0 && len(texts) > 3000 {
			texts = texts[:3000] // the variations on fewer posts
		}
		for _, text := range texts {
			for _, explain := range []bool{false, true} {
				fs := x.features(&s, lex, text, explain, nil, nil)
				want := referenceFeatures(&s, x.txt.Normalized(), x.hits, &x.sig)
				require.Len(t, fs.ids, len(want), "settings %s, text %+q", s, text)
				for i, f := range want {
					if id := uint32(f.hash() % uint64(s.Buckets)); fs.ids[i] != id {
						t.Fatalf("settings %s, text %+q: feature %d (%s) has id %d, want %d", s, text, i, f.name(), fs.ids[i], id)
					}
				}
				if explain && !slices.Equal(want, fs.descs) {
					t.Fatalf("settings %s, text %+q: descriptions\n%v\nwant\n%v", s, text, fs.descs, want)
				}
			}
		}
	}
}

// TestScoringAsFeaturesComeMatchesLogScores checks that scoring features
// in chunks as they are made gives LogScores of all of them, bit for bit,
// on posts long enough to be scored in many chunks.
func TestScoringAsFeaturesComeMatchesLogScores(t *testing.T) {
	c := Default()
	s := &c.model.settings
	texts := referenceTexts()
	var x, y extractor
	for _, text := range texts {
		want := c.model.nb.LogScores(y.features(s, c.lex, text, false, nil, nil).ids, nil)
		got := c.model.nb.AppendLogPriors(nil)
		x.features(s, c.lex, text, false, c.model.nb, got)
		require.Equal(t, want, got, "text %+q", text)
	}
}
