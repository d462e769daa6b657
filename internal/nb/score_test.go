package nb

import (
	"math"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestScoringInPiecesIsExact checks LogScores against its definition (the
// prior plus each feature's row, added in order) and scoring in pieces with
// AppendLogPriors and AddLogLikelihoods against LogScores, bit for bit, for
// the four-label fast path and the general one.
func TestScoringInPiecesIsExact(t *testing.T) {
	const buckets = 1 << 12
	for _, labels := range [][]string{testLabels, testLabels[:3], testLabels[:1]} {
		tr, err := NewTrainer(labels, buckets)
		require.NoError(t, err)
		docs := corpus(300, buckets, 9)
		for _, d := range docs {
			require.NoError(t, tr.Add(d.label%len(labels), d.feats))
		}
		m := build(t, tr, ModelOptions{})
		n := len(labels)
		for _, d := range docs {
			feats := append(d.feats, buckets, math.MaxUint32) // out of range: ignored
			want := make([]float64, n)
			copy(want, m.logPrior)
			for _, f := range feats {
				if f < buckets {
					for l := range n {
						want[l] += float64(m.logLik[int(f)*n+l])
					}
				}
			}
			got := m.LogScores(feats, nil)
			pieces := m.AppendLogPriors(nil)
			for i := 0; i < len(feats); i += 7 {
				m.AddLogLikelihoods(pieces, feats[i:min(i+7, len(feats))])
			}
			for l := range n {
				require.Equal(t, math.Float64bits(want[l]), math.Float64bits(got[l]))
				require.Equal(t, math.Float64bits(want[l]), math.Float64bits(pieces[l]))
			}
		}
	}
}
