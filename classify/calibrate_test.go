package classify

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestFitCalibrationRecoversAKnownMap draws labels from softmax(a·l + b)
// for a known scale and biases and checks the fit finds them.
func TestFitCalibrationRecoversAKnownMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	scale, bias := 0.05, []float64{0, -1.5, 0.8}
	var logs [][]float64
	var truth []int
	for range 20000 {
		l := []float64{rng.NormFloat64() * 40, rng.NormFloat64() * 40, rng.NormFloat64() * 40}
		z := make([]float64, 3)
		for c := range z {
			z[c] = scale*l[c] + bias[c]
		}
		m := logSumExp(z)
		u, y := rng.Float64(), 2
		for c := range z {
			u -= math.Exp(z[c] - m)
			if u < 0 {
				y = c
				break
			}
		}
		logs, truth = append(logs, l), append(truth, y)
	}
	cal := fitCalibration(logs, truth, 1)
	require.InDelta(t, scale, cal.scale, 0.005)
	// Biases are identified up to a constant: compare differences.
	require.InDelta(t, bias[1]-bias[0], cal.bias[1]-cal.bias[0], 0.1)
	require.InDelta(t, bias[2]-bias[0], cal.bias[2]-cal.bias[0], 0.1)
}

func TestFitCalibrationDegenerate(t *testing.T) {
	cal := fitCalibration(nil, nil, 2)
	require.Equal(t, 0.5, cal.scale)
	cal = fitCalibration([][]float64{{0, 0}, {0, 0}}, []int{0, 1}, 1)
	require.False(t, math.IsNaN(cal.scale))
	for _, b := range cal.bias {
		require.False(t, math.IsNaN(b))
	}
}

func TestSolve(t *testing.T) {
	x, ok := solve([]float64{2, 1, 1, 3}, []float64{3, 5}, 2)
	require.True(t, ok)
	require.InDelta(t, 0.8, x[0], 1e-12)
	require.InDelta(t, 1.4, x[1], 1e-12)
	_, ok = solve([]float64{1, 2, 2, 4}, []float64{1, 1}, 2)
	require.False(t, ok)
}

// TestShrinkBias builds held-out scores where the full bias toward label 0
// (the majority) turns every rare post into a 0, and no bias at all lets
// many majority posts be read as rare: a fraction in between decides best,
// and shrinkBias finds it.
func TestShrinkBias(t *testing.T) {
	var logs [][]float64
	var truth []int
	// 80 majority posts: their evidence leans to label 1 by 0 … 7.9.
	for i := range 80 {
		logs, truth = append(logs, []float64{0, float64(i) / 10}), append(truth, 0)
	}
	// 20 rare posts, with evidence 6 … 9.8 for label 1.
	for i := range 20 {
		logs, truth = append(logs, []float64{0, 6 + float64(i)/5}), append(truth, 1)
	}
	cal := calibration{scale: 1, bias: []float64{10, 0}}
	frac, got := shrinkBias(cal, logs, truth, 2)
	// At 0.8 the decision line is 8: every majority post (up to 7.9)
	// stays 0 and the rare posts above 8 are read as 1 (accuracy 0.90,
	// macro-F1 0.80); 1.0 reads every post as 0 (0.80, 0.44) and 0 reads
	// every post as 1 (0.20, 0.17).
	require.Equal(t, 0.8, frac)
	require.Equal(t, []float64{8, 0}, got.bias)
	require.Equal(t, 1.0, got.scale)
	require.Equal(t, []float64{10, 0}, cal.bias, "the input calibration is left alone")

	// Where the biases change no decision, all fractions tie and the full
	// biases are kept.
	frac, _ = shrinkBias(calibration{scale: 1, bias: []float64{0.5, 0}}, [][]float64{{10, 0}, {0, 10}}, []int{0, 1}, 2)
	require.Equal(t, 1.0, frac)
}
