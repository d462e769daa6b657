package nb

import (
	"bytes"
	"fmt"
	"testing"
)

const benchBuckets = 1 << 18

func benchModel(b *testing.B) *Model {
	b.Helper()
	return build(b, train(b, corpus(3000, benchBuckets, 20), benchBuckets), ModelOptions{})
}

func BenchmarkLogScores(b *testing.B) {
	m := benchModel(b)
	rng := splitMix64{21}
	for _, n := range []int{16, 128, 1024, 100_000} {
		feats := make([]uint32, n)
		for i := range feats {
			feats[i] = uint32(rng.below(benchBuckets))
		}
		b.Run(fmt.Sprintf("feats=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(4 * n))
			scores := make([]float64, 0, len(testLabels))
			probs := make([]float64, 0, len(testLabels))
			for b.Loop() {
				scores = m.LogScores(feats, scores[:0])
				probs = m.Probabilities(scores, probs[:0])
			}
		})
	}
}

func BenchmarkTrainerAdd(b *testing.B) {
	docs := corpus(3000, benchBuckets, 22)
	b.ReportAllocs()
	for b.Loop() {
		tr, _ := NewTrainer(testLabels, benchBuckets)
		for _, d := range docs {
			_ = tr.Add(d.label, d.feats)
		}
	}
}

func BenchmarkModel(b *testing.B) {
	tr := train(b, corpus(3000, benchBuckets, 23), benchBuckets)
	b.ReportAllocs()
	for b.Loop() {
		_, _ = tr.Model(ModelOptions{})
	}
}

func BenchmarkFile(b *testing.B) {
	m := benchModel(b)
	data := encode(b, m)
	b.Run("WriteTo", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		var buf bytes.Buffer
		for b.Loop() {
			buf.Reset()
			_, _ = m.WriteTo(&buf)
		}
	})
	b.Run("ReadModel", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := ReadModel(bytes.NewReader(data)); err != nil {
				b.Fatal(err)
			}
		}
	})
}
