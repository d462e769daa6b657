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
