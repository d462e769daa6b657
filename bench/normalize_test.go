// Package bench compares ghurbal with what users would pick instead. It is a
// separate module so that the library never depends on what it is compared
// with.
package bench

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/ar"
	"github.com/ghurbal/ghurbal/normalize"
)

// posts returns real Arabic posts: ASTD tweets when ../shared is present,
// else the project's corpus, else a built-in sample.
func posts(tb testing.TB) []string {
	for _, path := range []string{"../../shared/datasets/astd/astd.jsonl", "../corpus/posts.jsonl"} {
		f, err := os.Open(path)
		if err != nil {
			continue
		}
		defer f.Close()
		var out []string
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			var v struct{ Text string }
			if json.Unmarshal(sc.Bytes(), &v) == nil && v.Text != "" {
				out = append(out, v.Text)
			}
		}
		if len(out) > 0 {
			tb.Logf("%d posts from %s", len(out), path)
			return out
		}
	}
	return []string{"مُهَرِّب لألمانيا عن طريق بيلاروسيا، السعر ٣٥٠٠$", "الطقس اليوم حار جداً في بغداد"}
}

func totalBytes(ps []string) int64 {
	n := 0
	for _, p := range ps {
		n += len(p)
	}
	return int64(n)
}

// BenchmarkNormalizePosts normalizes the same posts with ghurbal and with
// bleve's Arabic normalizer (each post as one token, as bleve's filter
// normalizes a token's bytes).
func BenchmarkNormalizePosts(b *testing.B) {
	ps := posts(b)
	b.Run("ghurbal", func(b *testing.B) {
		dst := make([]byte, 0, 1<<16)
		b.SetBytes(totalBytes(ps))
		b.ReportAllocs()
		for b.Loop() {
			for _, p := range ps {
				dst = normalize.Default().AppendString(dst[:0], p)
			}
		}
	})
	b.Run("bleve", func(b *testing.B) {
		f := ar.NewArabicNormalizeFilter()
		tok := &analysis.Token{}
		stream := analysis.TokenStream{tok}
		buf := make([]byte, 0, 1<<16)
		b.SetBytes(totalBytes(ps))
		b.ReportAllocs()
		for b.Loop() {
			for _, p := range ps {
				buf = append(buf[:0], p...)
				tok.Term = buf
				f.Filter(stream)
			}
		}
	})
}

// TestGhurbalDoesMore lists what bleve's normalizer leaves that ours folds.
func TestGhurbalDoesMore(t *testing.T) {
	f := ar.NewArabicNormalizeFilter()
	for _, c := range []struct{ in, want string }{
		{"٣٥٠٠", "3500"},
		{"ڤيزا", "فيزا"},
		{"ﻣﻬﺮﺏ", "مهرب"},
		{"مه\u200cرب", "مهرب"},
		{"تهرييييب", "تهريب"},
		{"سائق", "سايق"},
	} {
		tok := &analysis.Token{Term: []byte(c.in)}
		f.Filter(analysis.TokenStream{tok})
		ours := normalize.String(c.in)
		if ours != c.want {
			t.Errorf("ghurbal: %+q -> %+q, want %+q", c.in, ours, c.want)
		}
		if string(tok.Term) == c.want {
			t.Errorf("bleve now folds %+q too: update this list", c.in)
		}
		t.Logf("%+q: ghurbal %+q, bleve %+q", c.in, ours, tok.Term)
	}
}
