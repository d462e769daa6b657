package lexicon

import (
	"fmt"
	"os"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/ghurbal/ghurbal/normalize"
	"github.com/stretchr/testify/require"
)

func testLexicon(t testing.TB) *Lexicon {
	t.Helper()
	lex, err := LoadDir("testdata/good")
	require.NoError(t, err)
	return lex
}

// hitString renders hits as category:term=matched-original-text.
func hitString(text string, hits []Hit) string {
	var parts []string
	for _, h := range hits {
		parts = append(parts, fmt.Sprintf("%s:%s=%s", h.Category, h.Term, text[h.Start:h.End]))
	}
	return strings.Join(parts, " ")
}

func TestMatch(t *testing.T) {
	lex := testLexicon(t)
	cases := []struct{ name, in, want string }{
		{"plain", "مهرب", "smuggler:مهرب=مهرب"},
		{"clitics and plural", "والمهربين", "smuggler:مهرب=مهرب"},
		{"preposition and article", "بالفيزا", "visa:فيزا=فيزا"},
		{"lam-lam", "للحدود", "crossing:حدود=حدود"},
		{"fa-al", "فالحدود", "crossing:حدود=حدود"},
		{"pronoun suffix", "مهربكم", "smuggler:مهرب=مهرب"},
		{"teh marbuta plural", "التأشيرات", "visa:تأشيرة=تأشير"},
		{"teh marbuta with pronoun", "تأشيرتي", "visa:تأشيرة=تأشير"},
		{"diacritics and tatweel", "المُهَرِّبـــين", "smuggler:مهرب=مُهَرِّبـــ"},
		{"elongation", "تهرييييب", "smuggler:تهريب=تهرييييب"},
		{"nostem keeps place names", "بيلاروسيا", "place:بيلاروسيا=بيلاروسيا"},
		{"nostem proclitic", "لبيلاروسيا وبالمانيا", "place:بيلاروسيا=بيلاروسيا place:المانيا=المانيا"},
		{"nostem no suffix", "المانياهم", ""},
		{"phrase", "طريق مضمون", "smuggler:طريق مضمون=طريق مضمون"},
		{"phrase with articles", "الطريق المضمون 100%", "smuggler:طريق مضمون=طريق المضمون"},
		{"longest phrase wins", "فيزا سياحية لمينسك", "visa:فيزا سياحية=فيزا سياحية place:مينسك=مينسك"},
		{"phrase broken by punctuation", "طريق, مضمون", "smuggler:طريق=طريق"},
		{"leftmost-longest in a row", "مهرب طريق مضمون حدود", "smuggler:مهرب=مهرب smuggler:طريق مضمون=طريق مضمون crossing:حدود=حدود"},
		{"Persian letters", "ڤيزا", "visa:فيزا=ڤيزا"},
		{"presentation forms", "ﻣﻬﺮﺏ", "smuggler:مهرب=ﻣﻬﺮﺏ"},
		{"hashtag parts", "#تهريب_لالمانيا", "smuggler:تهريب=تهريب place:المانيا=المانيا"},
		{"Arabizi exact", "mohareb", "smuggler:mohareb=mohareb"},
		{"English stem", "smugglers", "smuggler:smuggler=smugglers"},
		{"Latin case", "WhatsApp وواتساب", "contact:واتساب=واتساب"},
		{"dual and pronoun suffixes", "مهربان حدودي", "smuggler:مهرب=مهرب crossing:حدود=حدود"},
		{"not inside an unrelated word", "المهرجان فيزياء محدودين", ""},
		{"short stems are not stripped", "بال فيز", ""},
		{"ordinary English does not fire", "the border is hard to cross with more people", ""},
		{"empty", "", ""},
	}
	for _, c := range cases {
		got := hitString(c.in, lex.Match(c.in))
		require.Equal(t, c.want, got, "%s: Match(%+q)", c.name, c.in)
	}
}

// TestHitOffsetsNormalizeToTheEntry checks the offsets promise: the
// matched original text normalizes to the entry's normalized form.
func TestHitOffsetsNormalizeToTheEntry(t *testing.T) {
	lex := testLexicon(t)
	for _, in := range []string{"والمُهَرِّبـــين", "ڤيزا بيلاروسيا", "الطريق المضمون", "تهرييييب \u200fمهرب\u200f", "ﻣﻬﺮﺏ"} {
		for _, h := range lex.Match(in) {
			e := entryByTerm(t, lex, h.Category, h.Term)
			got := normalizeTerm(normalize.Default(), in[h.Start:h.End])
			if e.Flags&NoStem == 0 && strings.Contains(e.Norm, " ") {
				continue // a phrase's words may carry clitics inside the span
			}
			require.Equal(t, e.Norm, got, "hit %+v in %+q", h, in)
		}
	}
}

func entryByTerm(t *testing.T, lex *Lexicon, cat, term string) Entry {
	for _, e := range lex.entries {
		if e.Category == cat && e.Term == term {
			return e
		}
	}
	t.Fatalf("no entry %s/%s", cat, term)
	return Entry{}
}

func TestAppendMatchesDoesNotAllocate(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts are meaningless under the race detector")
	}
	// Scratch buffers live in a sync.Pool, which a garbage collection
	// empties; with GC off the measurement sees the steady state.
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	lex := testLexicon(t)
	text := strings.Repeat("والمهربين طريق مضمون لالمانيا عبر بيلاروسيا، فيزا سياحية 3500$ mohareb ", 5)
	hits := make([]Hit, 0, 64)
	lex.AppendMatches(hits, text) // warm the pool
	allocs := testing.AllocsPerRun(100, func() { hits = lex.AppendMatches(hits[:0], text) })
	require.Zero(t, allocs)
	require.NotEmpty(t, hits)
	none := strings.Repeat("الطقس جميل اليوم في بغداد والجو معتدل ", 5)
	allocs = testing.AllocsPerRun(100, func() { hits = lex.AppendMatches(hits[:0], none) })
	require.Zero(t, allocs)
	require.Empty(t, hits)
}

func TestHashChangesWithContent(t *testing.T) {
	a := testLexicon(t)
	b, err := Parse(strings.NewReader(Header+"\nمهرب\t3.0\t\tsmuggler\n"), "smuggler.tsv")
	require.NoError(t, err)
	require.NotEqual(t, a.Hash(), b.Hash())
	c := testLexicon(t)
	require.Equal(t, a.Hash(), c.Hash())
	require.Len(t, a.Hash(), 64)
}

func TestAccessors(t *testing.T) {
	lex := testLexicon(t)
	require.Equal(t, []string{"contact", "crossing", "place", "smuggler", "visa"}, lex.Categories())
	require.Equal(t, lex.Len(), len(lex.Entries()))
	require.Equal(t, normalize.Default(), lex.Normalizer())
	es := lex.Entries()
	es[0].Term = "changed"
	require.NotEqual(t, "changed", lex.Entries()[0].Term, "Entries must return a copy")
}

func TestDefaultLoads(t *testing.T) {
	lex := Default()
	require.Greater(t, lex.Len(), 400)
	for _, c := range DefaultCategories {
		require.Contains(t, lex.Categories(), c)
	}
	require.NotEmpty(t, lex.Match("مهرب الى المانيا عن طريق بيلاروسيا واتساب"))
}

func TestConcurrentMatch(t *testing.T) {
	lex := Default()
	texts := []string{"والمهربين طريق مضمون لالمانيا", "فيزا بيلاروسيا مع حجز فندق", "الحدود البولندية والغابة", "mohareb 3la 7dood"}
	want := make([]string, len(texts))
	for i, s := range texts {
		want[i] = hitString(s, lex.Match(s))
	}
	done := make(chan string, 64)
	for g := 0; g < 16; g++ {
		go func(g int) {
			var hits []Hit
			for k := 0; k < 200; k++ {
				s := texts[(g+k)%len(texts)]
				hits = lex.AppendMatches(hits[:0], s)
				if got := hitString(s, hits); got != want[(g+k)%len(texts)] {
					done <- got
					return
				}
			}
			done <- ""
		}(g)
	}
	for g := 0; g < 16; g++ {
		require.Empty(t, <-done)
	}
}

func TestLoadDirErrors(t *testing.T) {
	_, err := LoadDir("testdata/nonexistent")
	require.Error(t, err)
	_, err = LoadDir(os.TempDir() + "/ghurbal-no-such-dir")
	require.Error(t, err)
}

func TestSpacedOutWords(t *testing.T) {
	lex := testLexicon(t)
	cases := []struct{ name, in, want string }{
		{"spaces", "م ه ر ب", "smuggler:مهرب=م ه ر ب"},
		{"dots", "م.ه.ر.ب", "smuggler:مهرب=م.ه.ر.ب"},
		{"dashes and a wider gap", "ت-ه-ر-ي-ب   ا-ل-م-ا-ن-ي-ا", "smuggler:تهريب=ت-ه-ر-ي-ب place:المانيا=ا-ل-م-ا-ن-ي-ا"},
		{"a run over several words", "ط ر ي ق م ض م و ن ل ا ل م ا ن ي ا", "smuggler:طريق مضمون=ط ر ي ق م ض م و ن place:المانيا=ا ل م ا ن ي ا"},
		{"with clitics inside", "و ا ل م ه ر ب ي ن", "smuggler:مهرب=م ه ر ب"},
		{"tatweel and diacritics", "مـ هَـ ر ب", "smuggler:مهرب=مـ هَـ ر ب"},
		{"two single letters are not a run", "و ب مهرب", "smuggler:مهرب=مهرب"},
		{"ordinary text", "ذهبت و ابي الى السوق", ""},
	}
	for _, c := range cases {
		require.Equal(t, c.want, hitString(c.in, lex.Match(c.in)), "%s: %+q", c.name, c.in)
	}
}
