package lexicon

import "testing"

func BenchmarkZZLoad(b *testing.B) {
	for b.Loop() {
		if _, err := LoadFS(dataFS, "data"); err != nil {
			b.Fatal(err)
		}
	}
}
