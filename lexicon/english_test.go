package lexicon

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/ghurbal/ghurbal/normalize"
)

// englishSuffixes are the endings Porter2 handles, to build words that
// reach every step of the stemmer.
var englishSuffixes = []string{"", "s", "'s", "'", "'s'", "es", "sses", "ies", "ied", "us", "ss",
	"ed", "edly", "eed", "eedly", "ing", "ingly", "y", "ly", "li", "ational", "tional", "enci", "anci",
	"abli", "entli", "izer", "ization", "ation", "ator", "alism", "aliti", "alli", "fulness", "ousli",
	"ousness", "iveness", "iviti", "biliti", "bli", "ogi", "logi", "fulli", "lessli", "alize", "icate",
	"iciti", "ical", "ful", "ness", "ative", "al", "ance", "ence", "er", "ic", "able", "ible", "ant",
	"ement", "ment", "ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion", "sion", "tion", "e", "le", "ll",
	"at", "bl", "iz", "bb", "dd", "tt", "ying", "yed"}

// TestEnglishStemMatchesSnowball checks the allocation-free stemmer
// against normalize.EnglishStem, which builds the lexicon's keys: on the
// English entries and their inflections, on the Latin words of the
// corpus, and on random words built from English endings.
func TestEnglishStemMatchesSnowball(t *testing.T) {
	words := []string{"", "a", "'", "''", "'''", "''s", "y", "yy", "yyy", "Yes", "SMUGGLERS", " boats ",
		"gener", "generous", "communism", "arsenal", "skies", "dying", "news", "innings", "proceeding",
		"succeeded", "the", "from", "café", "7dood", "3ala", "mohareb", "2021"}
	for _, e := range Default().Entries() {
		for _, w := range strings.Fields(e.Norm) {
			for _, s := range englishSuffixes {
				words = append(words, w+s, strings.TrimSuffix(w, "e")+s, strings.TrimSuffix(w, "y")+s)
			}
		}
	}
	for _, p := range readCorpus(t, "../corpus/posts.jsonl") {
		for tok := range normalize.Tokens(normalize.String(p.Text)) {
			if tok.Kind == normalize.KindLatin {
				words = append(words, tok.Text)
			}
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	const letters = "aeiouyybcdfghklmnprstvwxzY'"
	for range 200000 {
		var b strings.Builder
		for range 1 + r.IntN(7) {
			b.WriteByte(letters[r.IntN(len(letters))])
		}
		b.WriteString(englishSuffixes[r.IntN(len(englishSuffixes))])
		if r.IntN(4) == 0 {
			b.WriteString(englishSuffixes[r.IntN(len(englishSuffixes))])
		}
		words = append(words, b.String())
	}
	var buf []byte
	for _, w := range words {
		buf = appendEnglishStem(buf[:0], w)
		if want := normalize.EnglishStem(w); string(buf) != want {
			t.Errorf("appendEnglishStem(%q) = %q, want %q", w, buf, want)
		}
	}
}

func TestEnglishStemAppends(t *testing.T) {
	buf := appendEnglishStem([]byte("x:"), "smugglers")
	if string(buf) != "x:smuggler" {
		t.Errorf("got %q", buf)
	}
	if n := testing.AllocsPerRun(100, func() { buf = appendEnglishStem(buf[:0], "Generously'") }); n != 0 {
		t.Errorf("%v allocations", n)
	}
}

func FuzzEnglishStem(f *testing.F) {
	for _, s := range []string{"smugglers", "crossing", "'''", "generalization", "hopefully"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := string(appendEnglishStem(nil, w)), normalize.EnglishStem(w); got != want {
			t.Errorf("appendEnglishStem(%q) = %q, want %q", w, got, want)
		}
	})
}
