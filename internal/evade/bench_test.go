package evade

import (
	"strings"
	"testing"
)

// BenchmarkApply/method/size rewrites one post (short) and a long text of
// many posts (long) with each method.
func BenchmarkApply(b *testing.B) {
	sizes := []struct {
		name string
		text string
	}{
		{"short", samplePosts[0]},
		{"long", strings.Repeat(strings.Join(samplePosts, "\n")+"\n", 20)},
	}
	for _, m := range Methods {
		b.Run(m.String(), func(b *testing.B) {
			for _, size := range sizes {
				b.Run(size.name, func(b *testing.B) {
					rng := seeded(1)
					b.ReportAllocs()
					b.SetBytes(int64(len(size.text)))
					for b.Loop() {
						Apply(size.text, m, rng)
					}
				})
			}
		})
	}
}

// BenchmarkToArabizi transliterates a post.
func BenchmarkToArabizi(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(samplePosts[0])))
	for b.Loop() {
		ToArabizi(samplePosts[0])
	}
}
