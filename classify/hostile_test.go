package classify

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// hostile are inputs services receive from platforms: broken encodings,
// controls, floods of one letter or of diacritics, huge posts.
func hostile() map[string]string {
	return map[string]string{
		"invalid UTF-8":          "مهرب \xff\xfe\xfd لالمانيا \xc3",
		"lone surrogates":        "\xed\xa0\x80\xed\xbf\xbf مهرب",
		"NUL and controls":       "مهرب\x00\x01\x02\x1b[31m لالمانيا\x7f",
		"BOMs and CRLF":          "\uFEFFمهرب\r\n\uFEFFلالمانيا\r\n",
		"RTL overrides":          "\u202Eبرهم\u202C \u2067مهرب\u2069",
		"only emojis":            strings.Repeat("🔥🇩🇪✈️👍🏽", 1000),
		"1 MB of one letter":     strings.Repeat("ه", 1<<19),
		"1 MB of diacritics":     "م" + strings.Repeat("\u064e\u0651", 1<<18),
		"1 MB of single letters": strings.Repeat("م ", 1<<19),
		"1 MB of digits":         strings.Repeat("0 ", 1<<19),
		"10 MB post":             strings.Repeat("عدنا طريق مضمون لالمانيا واتساب +375290001234 السعر 3500$ ", 10<<20/90),
	}
}

func TestHostileInput(t *testing.T) {
	c := Default()
	for name, text := range hostile() {
		r := c.Classify(text)
		require.Contains(t, c.labels, r.Label, name)
		sum := 0.0
		for _, p := range r.Scores {
			sum += p
		}
		require.InDelta(t, 1, sum, 1e-9, name)
		for _, h := range r.Hits {
			require.True(t, 0 <= h.Start && h.Start <= h.End && h.End <= len(text), "%s: hit %+v", name, h)
		}
		for _, e := range r.Explain {
			require.True(t, utf8.ValidString(e.Feature), "%s: feature %+q", name, e.Feature)
		}
	}
}

func FuzzClassify(f *testing.F) {
	for _, text := range []string{"", "مهرب لالمانيا 3500$ +375290001234", "م ه ر ب", "fiza bilaarosya", "\xff\x00"} {
		f.Add(text)
	}
	c := Default()
	f.Fuzz(func(t *testing.T, text string) {
		r := c.Classify(text)
		if !utf8.ValidString(r.Label) || r.Scores[r.Label] < 0 {
			t.Fatalf("bad result %+v", r)
		}
		for _, h := range r.Hits {
			if h.Start < 0 || h.End > len(text) || h.Start > h.End {
				t.Fatalf("hit %+v out of bounds for %+q", h, text)
			}
		}
	})
}

func FuzzReadModel(f *testing.F) {
	f.Add(DefaultModelBytes())
	f.Add(modelBytes(f, trainTiny(f).model))
	f.Add([]byte("GHNB"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := ReadModel(bytes.NewReader(data))
		if err == nil && m == nil {
			t.Fatal("nil model without an error")
		}
		if err == nil {
			if _, err := New(m, nil, AllowLexiconMismatch()); err != nil {
				t.Fatal(err)
			}
		}
	})
}
