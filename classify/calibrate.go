package classify

import (
	"math"
	"strconv"

	"github.com/ghurbal/ghurbal/internal/nb"
)

// Naive Bayes adds log-likelihoods as if features were independent, so its
// scores are far too confident (almost every probability is 0 or 1), and
// on skewed label sets (two thirds of one label) its many small pieces of
// evidence outvote the prior: it predicts the rare labels too often.
// Calibration fixes both with one affine map of the log scores, fitted on
// held-out scores from cross-validation by maximum likelihood:
//
//	z_c = scale·log P(post, c) + bias_c
//
// A shared scale (the inverse temperature) makes the probabilities honest;
// the per-label biases move the decision toward the labels the evidence
// over-penalizes. The negative log-likelihood is convex in (scale, bias),
// so Newton's method finds the one optimum; a small ridge on the biases
// pins their free constant (softmax ignores adding one number to all).

// The likelihood-optimal biases serve the probabilities, not every
// decision: on a skewed label set they buy accuracy on the majority label
// with the recall of the rare ones (ASTD's cross-validation: accuracy 0.687
// and macro-F1 0.295 with the full biases, 0.646 and 0.424 without).
// shrinkBias therefore keeps the fraction of the biases, from a grid of
// 0, 0.1 … 1, whose argmax decisions have the largest accuracy + macro-F1
// on the same held-out scores: both the posts and the labels count. Ties
// go to the larger fraction, nearer the likelihood optimum.

// calibration is the fitted map.
type calibration struct {
	scale float64
	bias  []float64
}

// apply maps log scores in place.
func (c calibration) apply(logs []float64) {
	for i := range logs {
		logs[i] = c.scale*logs[i] + c.bias[i]
	}
}

// calibrationRidge keeps the biases small and unique.
const calibrationRidge = 1e-3

// fitCalibration fits scale and biases to held-out log scores and their
// true labels, starting from the scale 1/t0. It is deterministic.
func fitCalibration(logs [][]float64, truth []int, t0 float64) calibration {
	k := 0
	if len(logs) > 0 {
		k = len(logs[0])
	}
	// The parameters are theta = (scale, bias_0 … bias_{k-1}).
	theta := make([]float64, k+1)
	theta[0] = 1 / t0
	n := k + 1
	grad := make([]float64, n)
	hess := make([]float64, n*n)
	z := make([]float64, k)
	p := make([]float64, k)
	loss := func(th []float64) float64 {
		sum := 0.0
		for i, l := range logs {
			for c := range k {
				z[c] = th[0]*l[c] + th[1+c]
			}
			sum += logSumExp(z) - z[truth[i]]
		}
		for c := range k {
			sum += calibrationRidge / 2 * th[1+c] * th[1+c]
		}
		return sum
	}
	cur := loss(theta)
	for range 50 {
		clear(grad)
		clear(hess)
		for i, l := range logs {
			for c := range k {
				z[c] = theta[0]*l[c] + theta[1+c]
			}
			m := logSumExp(z)
			mean := 0.0
			for c := range k {
				p[c] = math.Exp(z[c] - m)
				mean += p[c] * l[c]
			}
			y := truth[i]
			// d/d scale and d/d bias_c of log-sum-exp minus the true score.
			grad[0] += mean - l[y]
			for c := range k {
				g := p[c]
				if c == y {
					g--
				}
				grad[1+c] += g
			}
			// Hessian: J^T (diag(p) - p p^T) J with J = [l, I].
			varL := 0.0
			for c := range k {
				varL += p[c] * (l[c] - mean) * (l[c] - mean)
			}
			hess[0] += varL
			for c := range k {
				cov := p[c] * (l[c] - mean)
				hess[1+c] += cov
				hess[(1+c)*n] += cov
				for d := range k {
					v := -p[c] * p[d]
					if c == d {
						v += p[c]
					}
					hess[(1+c)*n+1+d] += v
				}
			}
		}
		for c := range k {
			grad[1+c] += calibrationRidge * theta[1+c]
			hess[(1+c)*n+1+c] += calibrationRidge
		}
		hess[0] += 1e-9 // keep the system solvable on degenerate data
		step, ok := solve(hess, grad, n)
		if !ok {
			break
		}
		// Backtracking: Newton steps can overshoot far from the optimum.
		improved := false
		for t := 1.0; t > 1e-6; t /= 2 {
			next := make([]float64, n)
			for j := range n {
				next[j] = theta[j] - t*step[j]
			}
			if next[0] > 0 {
				if l := loss(next); l < cur {
					theta, cur, improved = next, l, true
					break
				}
			}
		}
		if !improved {
			break
		}
	}
	// On data where held-out scores carry no information the optimum is a
	// scale of 0 (uniform probabilities); keep it positive, as the model
	// file requires.
	return calibration{scale: max(theta[0], minCalibrationScale), bias: theta[1:]}
}

// shrinkBias returns the fraction of cal's biases to keep (see above) and
// the calibration with the biases so scaled. It is deterministic.
func shrinkBias(cal calibration, logs [][]float64, truth []int, labels int) (float64, calibration) {
	best, bestScore := 1.0, math.Inf(-1)
	pred := make([]int, len(logs))
	for step := 10; step >= 0; step-- {
		frac := float64(step) / 10
		for i, l := range logs {
			top, topScore := 0, math.Inf(-1)
			for c, v := range l {
				if z := cal.scale*v + frac*cal.bias[c]; z > topScore {
					top, topScore = c, z
				}
			}
			pred[i] = top
		}
		r := nb.Evaluate(labelNames(labels), truth, pred, nil)
		if score := r.Accuracy + r.MacroF1; score > bestScore {
			best, bestScore = frac, score
		}
	}
	bias := make([]float64, len(cal.bias))
	for c, b := range cal.bias {
		bias[c] = best * b
	}
	return best, calibration{scale: cal.scale, bias: bias}
}

// labelNames names labels 0 … n-1 for nb.Evaluate, which needs names only
// to print them.
func labelNames(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = strconv.Itoa(i)
	}
	return out
}

// minCalibrationScale is the smallest scale Train stores.
const minCalibrationScale = 1e-4

func logSumExp(z []float64) float64 {
	m := math.Inf(-1)
	for _, v := range z {
		m = max(m, v)
	}
	if math.IsInf(m, -1) {
		return m
	}
	s := 0.0
	for _, v := range z {
		s += math.Exp(v - m)
	}
	return m + math.Log(s)
}

// solve returns x with a·x = b for the n×n matrix a (Gaussian elimination
// with partial pivoting), or false when a is singular.
func solve(a, b []float64, n int) ([]float64, bool) {
	m := make([]float64, n*(n+1))
	for i := range n {
		copy(m[i*(n+1):], a[i*n:(i+1)*n])
		m[i*(n+1)+n] = b[i]
	}
	for col := range n {
		piv := col
		for r := col + 1; r < n; r++ {
			if math.Abs(m[r*(n+1)+col]) > math.Abs(m[piv*(n+1)+col]) {
				piv = r
			}
		}
		if math.Abs(m[piv*(n+1)+col]) < 1e-300 {
			return nil, false
		}
		if piv != col {
			for c := range n + 1 {
				m[col*(n+1)+c], m[piv*(n+1)+c] = m[piv*(n+1)+c], m[col*(n+1)+c]
			}
		}
		for r := range n {
			if r == col {
				continue
			}
			f := m[r*(n+1)+col] / m[col*(n+1)+col]
			for c := col; c <= n; c++ {
				m[r*(n+1)+c] -= f * m[col*(n+1)+c]
			}
		}
	}
	x := make([]float64, n)
	for i := range n {
		x[i] = m[i*(n+1)+n] / m[i*(n+1)+i]
	}
	return x, true
}
