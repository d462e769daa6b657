package normalize

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// benchTexts returns real Arabic posts to benchmark on: ASTD tweets when
// ../shared is present, else the project's own corpus, else a small
// built-in sample (so the benchmark always runs).
var benchTexts = sync.OnceValue(func() []string {
	for _, path := range []string{"../../shared/datasets/astd/astd.jsonl", "../corpus/posts.jsonl"} {
		if texts := readJSONLTexts(path); len(texts) > 0 {
			return texts
		}
	}
	return []string{
		"مُهَرِّب لألمانيا عن طريق بيلاروسيا، السعر ٣٥٠٠$ للتواصل واتساب",
		"الطقس اليوم حار جداً في بغداد ولا توجد كهرباء منذ الصباح",
		"مباراة رائعة للمنتخب العراقي امس والجمهور كان رهيييب",
	}
})

func readJSONLTexts(path string) []string {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	var texts []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var v struct{ Text string }
		if json.Unmarshal(sc.Bytes(), &v) == nil && v.Text != "" {
			texts = append(texts, v.Text)
		}
	}
	return texts
}

// fill concatenates texts (separated by newlines) up to size bytes, cut at
// a rune boundary.
func fill(texts []string, size int) string {
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		b.WriteString(texts[i%len(texts)])
		b.WriteByte('\n')
	}
	s := b.String()[:size]
	for !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	return s
}

var benchEnglish = []string{
	"The border guards reported a group of people near the fence on Tuesday night.",
	"Visa applications for tourism opened again after the holidays; prices start at 60 euros.",
	"Contact us on WhatsApp for details about the trip, hotel booking and the airport transfer.",
}

func benchInputs(size int) map[string]string {
	arabic := benchTexts()
	mixed := make([]string, len(arabic))
	for i, t := range arabic {
		mixed[i] = t + " WhatsApp +375 29 000 1234 🔥 visa ٣٥٠٠$ " + benchEnglish[i%len(benchEnglish)]
	}
	ar := fill(arabic, size)
	return map[string]string{
		"Arabic":        ar,
		"Mixed":         fill(mixed, size),
		"ASCII":         fill(benchEnglish, size),
		"AlreadyNormal": fill([]string{String(ar)}, size),
	}
}

// BenchmarkNormalize measures Append into a buffer with room.
func BenchmarkNormalize(b *testing.B) {
	for _, kind := range []string{"Arabic", "Mixed", "ASCII", "AlreadyNormal"} {
		for _, size := range []struct {
			name string
			n    int
		}{{"64", 64}, {"1K", 1 << 10}, {"16K", 16 << 10}} {
			src := []byte(benchInputs(size.n)[kind])
			b.Run(kind+"/"+size.name, func(b *testing.B) {
				dst := make([]byte, 0, 4*len(src)+64)
				b.SetBytes(int64(len(src)))
				b.ReportAllocs()
				for b.Loop() {
					dst = Append(dst[:0], src)
				}
			})
		}
	}
}

// BenchmarkString measures String, which returns normal input unchanged.
func BenchmarkString(b *testing.B) {
	for _, kind := range []string{"Arabic", "AlreadyNormal"} {
		src := benchInputs(1 << 10)[kind]
		b.Run(kind+"/1K", func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				_ = String(src)
			}
		})
	}
}

// BenchmarkText measures normalization with the offset map and a pass of
// the tokenizer, as the lexicon uses them.
func BenchmarkText(b *testing.B) {
	src := benchInputs(1 << 10)["Arabic"]
	var txt Text
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Default().Text(&txt, src)
		for tok, i := txt.NextToken(0); tok.Kind != 0; tok, i = txt.NextToken(i) {
		}
	}
}
