package nb

import (
	"encoding/json"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEvaluate(t *testing.T) {
	labels := []string{"smuggling", "visa", "other"}
	truth := []int{0, 0, 0, 1, 1, 2, 2, 2}
	pred := []int{0, 0, 1, 1, 2, 2, 2, 0}
	prob := []float64{0.95, 0.85, 0.55, 0.92, 0.45, 1.0, 0.99, 0.05}
	r := Evaluate(labels, truth, pred, prob)

	assert.Equal(t, [][]int{{2, 1, 0}, {0, 1, 1}, {1, 0, 2}}, r.Confusion)
	assert.Equal(t, 8, r.N)
	assert.InDelta(t, 5.0/8, r.Accuracy, 1e-12)
	want := []LabelStats{
		{"smuggling", 2.0 / 3, 2.0 / 3, 2.0 / 3, 3, 3},
		{"visa", 1.0 / 2, 1.0 / 2, 1.0 / 2, 2, 2},
		{"other", 2.0 / 3, 2.0 / 3, 2.0 / 3, 3, 3},
	}
	for i, w := range want {
		g := r.Labels[i]
		assert.Equal(t, w.Label, g.Label)
		assert.InDelta(t, w.Precision, g.Precision, 1e-12, w.Label)
		assert.InDelta(t, w.Recall, g.Recall, 1e-12, w.Label)
		assert.InDelta(t, w.F1, g.F1, 1e-12, w.Label)
		assert.Equal(t, w.Support, g.Support)
		assert.Equal(t, w.Predicted, g.Predicted)
	}
	assert.InDelta(t, (2.0/3+0.5+2.0/3)/3, r.MacroF1, 1e-12)

	require.Len(t, r.Calibration, 10)
	bin := func(i int) CalibrationBin { return r.Calibration[i] }
	assert.Equal(t, 1, bin(0).Count) // 0.05, wrong
	assert.Equal(t, 0.0, bin(0).Observed)
	assert.Equal(t, 1, bin(5).Count) // 0.55, wrong
	assert.Equal(t, 1, bin(8).Count) // 0.85, right
	assert.Equal(t, 4, bin(9).Count) // 0.95, 0.92, 1.0, 0.99, all right
	assert.InDelta(t, (0.95+0.92+1.0+0.99)/4, bin(9).MeanProb, 1e-12)
	assert.Equal(t, 1.0, bin(9).Observed)
	assert.InDelta(t, 0.9, bin(9).Lo, 1e-12)
	assert.InDelta(t, 1.0, bin(9).Hi, 1e-12)
	total := 0
	for _, b := range r.Calibration {
		total += b.Count
	}
	assert.Equal(t, 8, total, "1.0 falls in the last bin, nothing is lost")
	assert.Greater(t, r.ECE, 0.0)

	s := r.String()
	assert.Contains(t, s, "  macro-F1 0.611  accuracy 0.625  n 8")
	assert.Contains(t, s, "[0.9,1.0]")
	lines := strings.Split(s, "\n")
	assert.Equal(t, len(lines[0]), len(lines[1]), "aligned:\n%s", s)

	js, err := json.Marshal(r)
	require.NoError(t, err)
	for _, key := range []string{`"macro_f1":`, `"confusion":`, `"calibration":`, `"precision":`, `"mean_prob":`} {
		assert.Contains(t, string(js), key)
	}
}

func TestEvaluateEdgeCases(t *testing.T) {
	r := Evaluate([]string{"a", "b", "unused"}, []int{0, 0}, []int{0, 1}, nil)
	assert.Nil(t, r.Calibration)
	assert.Equal(t, 0.0, r.Labels[1].Precision, "b predicted once, wrongly")
	assert.Equal(t, 0.0, r.Labels[1].Recall, "b has no support")
	// "unused" has neither support nor predictions: left out of macro-F1.
	assert.InDelta(t, (2.0/3+0)/2, r.MacroF1, 1e-12)
	assert.NotContains(t, r.String(), "ECE")

	empty := Evaluate([]string{"a"}, nil, nil, nil)
	assert.Equal(t, 0.0, empty.Accuracy)

	for name, f := range map[string]func(){
		"lengths":     func() { Evaluate([]string{"a"}, []int{0}, nil, nil) },
		"prob length": func() { Evaluate([]string{"a"}, []int{0}, []int{0}, []float64{}) },
		"label":       func() { Evaluate([]string{"a"}, []int{1}, []int{0}, nil) },
		"negative":    func() { Evaluate([]string{"a"}, []int{0}, []int{-1}, nil) },
		"probability": func() { Evaluate([]string{"a"}, []int{0}, []int{0}, []float64{math.NaN()}) },
	} {
		assert.Panics(t, f, name)
	}
}

func TestStratifiedKFold(t *testing.T) {
	labels := make([]int, 103)
	for i := range labels {
		labels[i] = []int{0, 0, 0, 1, 2, 0, 1, 3}[i%8] // uneven label sizes
	}
	folds := StratifiedKFold(labels, 5, 42)
	require.Len(t, folds, 5)
	var all []int
	for _, f := range folds {
		assert.True(t, slices.IsSorted(f))
		all = append(all, f...)
		assert.InDelta(t, len(labels)/5, len(f), 1)
	}
	slices.Sort(all)
	for i, v := range all {
		require.Equal(t, i, v, "every post in exactly one fold")
	}
	for l := range 4 {
		var per []int
		for _, f := range folds {
			n := 0
			for _, i := range f {
				if labels[i] == l {
					n++
				}
			}
			per = append(per, n)
		}
		assert.LessOrEqual(t, slices.Max(per)-slices.Min(per), 1, "label %d spread %v", l, per)
	}
	assert.Equal(t, folds, StratifiedKFold(labels, 5, 42), "deterministic")
	assert.NotEqual(t, folds, StratifiedKFold(labels, 5, 43), "the seed matters")

	// Pinned, so a change of shuffle (which would change every published
	// cross-validation figure) is noticed.
	assert.Equal(t, [][]int{{2, 5, 6}, {0, 1, 3}, {4, 7}}, StratifiedKFold([]int{0, 0, 0, 1, 1, 0, 1, 0}, 3, 1))

	assert.Nil(t, StratifiedKFold(labels, 1, 0))
	assert.Nil(t, StratifiedKFold(labels[:3], 4, 0))
	assert.Nil(t, KFold(-1, 2, 0))
	assert.Len(t, KFold(10, 10, 0), 10)
}

func TestChooseThreshold(t *testing.T) {
	// Scores descending; p = positive.
	scores := []float64{0.99, 0.97, 0.95, 0.93, 0.91, 0.90, 0.80, 0.70, 0.60, 0.50, 0.40, math.NaN()}
	pos := []bool{true, true, true, true, true, false, true, false, true, false, false, true}
	tests := []struct {
		target        float64
		th, prec, rec float64
	}{
		// ≥0.9 first holds with 5 flagged (5/5); lowest: 0.80 gives 6/7 = 0.857 < 0.9, 0.90 gives 5/6.
		{1.0, 0.91, 1, 5.0 / 8},
		{0.85, 0.80, 6.0 / 7, 6.0 / 8},
		{0.75, 0.60, 7.0 / 9, 7.0 / 8},
		{0.5, 0.40, 7.0 / 11, 7.0 / 8},
	}
	for _, tt := range tests {
		th, p, r := ChooseThreshold(scores, pos, tt.target)
		assert.Equal(t, tt.th, th, "target %v", tt.target)
		assert.InDelta(t, tt.prec, p, 1e-12, "target %v", tt.target)
		assert.InDelta(t, tt.rec, r, 1e-12, "target %v", tt.target)
	}

	// Too few flagged to trust: 4 right of 4 is below ThresholdMinSupport.
	th, p, r := ChooseThreshold([]float64{0.9, 0.8, 0.7, 0.6, 0.1}, []bool{true, true, true, true, false}, 0.95)
	assert.Greater(t, th, 0.9)
	assert.Less(t, th, 0.90001)
	assert.Zero(t, p)
	assert.Zero(t, r)

	// Ties are flagged together.
	th, p, _ = ChooseThreshold([]float64{1, 1, 1, 1, 1, 1}, []bool{true, true, true, true, true, false}, 0.8)
	assert.Equal(t, 1.0, th)
	assert.InDelta(t, 5.0/6, p, 1e-12)

	th, _, _ = ChooseThreshold(nil, nil, 0.9)
	assert.Equal(t, math.MaxFloat64, th)
	assert.Panics(t, func() { ChooseThreshold([]float64{1}, nil, 0.5) })
}
