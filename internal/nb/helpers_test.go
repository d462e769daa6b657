package nb

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"
)

var testLabels = []string{"smuggling", "visa", "crossing", "other"}

type doc struct {
	label int
	feats []uint32
}

// corpus makes n deterministic synthetic posts: each label has its own
// 200 telling buckets, and every post also draws noise from all buckets.
func corpus(n int, buckets uint32, seed uint64) []doc {
	rng := splitMix64{seed}
	docs := make([]doc, n)
	for i := range docs {
		l := int(rng.below(uint64(len(testLabels))))
		feats := make([]uint32, 5+rng.below(60))
		for j := range feats {
			if rng.below(3) == 0 {
				feats[j] = uint32(l*200) + uint32(rng.below(200))
			} else {
				feats[j] = uint32(rng.below(uint64(buckets)))
			}
		}
		docs[i] = doc{l, feats}
	}
	return docs
}

func train(t testing.TB, docs []doc, buckets uint32, opts ...TrainerOption) *Trainer {
	t.Helper()
	tr, err := NewTrainer(testLabels, buckets, opts...)
	require.NoError(t, err)
	for _, d := range docs {
		require.NoError(t, tr.Add(d.label, d.feats))
	}
	return tr
}

func build(t testing.TB, tr *Trainer, opts ModelOptions) *Model {
	t.Helper()
	m, err := tr.Model(opts)
	require.NoError(t, err)
	return m
}

func encode(t testing.TB, m *Model) []byte {
	t.Helper()
	var buf bytes.Buffer
	n, err := m.WriteTo(&buf)
	require.NoError(t, err)
	require.EqualValues(t, buf.Len(), n)
	return buf.Bytes()
}
