package lexicon

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// benchPosts returns real Arabic posts: ASTD tweets when ../shared is
// present (few hits: the route words are rare there), and the project's
// corpus (many hits).
func benchPosts(path string) []string {
	f, err := os.Open(path)
	if err != nil {
		return nil
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
	return out
}

// BenchmarkMatch runs the full default lexicon over posts with and without
// hits, one post at a time, reusing the hit slice.
func BenchmarkMatch(b *testing.B) {
	sets := []struct {
		name  string
		posts []string
	}{
		{"Tweets", benchPosts("../../shared/datasets/astd/astd.jsonl")},
		{"Corpus", benchPosts("../corpus/posts.jsonl")},
		{"Builtin", []string{
			strings.Repeat("والمهربين طريق مضمون لالمانيا عبر بيلاروسيا، فيزا سياحية 3500$ ", 3),
			strings.Repeat("الطقس جميل اليوم في بغداد والجو معتدل والناس في الشوارع ", 3),
		}},
	}
	lex := Default()
	for _, set := range sets {
		if len(set.posts) == 0 {
			continue
		}
		n := 0
		for _, p := range set.posts {
			n += len(p)
		}
		b.Run(set.name, func(b *testing.B) {
			hits := make([]Hit, 0, 256)
			total := 0
			// One pass before measuring: the first post with a presentation
			// form builds normalize's decomposition table (1,676 strings,
			// once per process), which is not the steady state.
			for _, p := range set.posts {
				hits = lex.AppendMatches(hits[:0], p)
			}
			b.SetBytes(int64(n))
			b.ReportAllocs()
			for b.Loop() {
				total = 0
				for _, p := range set.posts {
					hits = lex.AppendMatches(hits[:0], p)
					total += len(hits)
				}
			}
			b.ReportMetric(float64(total)/float64(len(set.posts)), "hits/post")
		})
	}
}
