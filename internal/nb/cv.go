package nb

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"slices"
)

// StratifiedKFold splits the posts 0…len(labels)-1 into k folds of test
// indices (each sorted ascending) so that every label is spread as evenly
// as possible over the folds: each label's posts are shuffled and dealt
// round-robin, continuing where the previous label stopped so fold sizes
// differ by at most one. The same labels, k and seed give the same folds
// on every platform and Go version (the shuffle is our own SplitMix64).
// It returns nil when k < 2 or k > len(labels).
func StratifiedKFold(labels []int, k int, seed uint64) [][]int {
	if k < 2 || k > len(labels) {
		return nil
	}
	groups := make(map[int][]int)
	for i, l := range labels {
		groups[l] = append(groups[l], i)
	}
	rng := splitMix64{seed}
	folds := make([][]int, k)
	deal := 0
	for _, l := range slices.Sorted(maps.Keys(groups)) {
		g := groups[l]
		for i := len(g) - 1; i > 0; i-- {
			j := rng.below(uint64(i + 1))
			g[i], g[j] = g[j], g[i]
		}
		for _, i := range g {
			folds[deal%k] = append(folds[deal%k], i)
			deal++
		}
	}
	for _, f := range folds {
		slices.Sort(f)
	}
	return folds
}

// KFold splits 0…n-1 into k shuffled folds of test indices, without
// regard to labels; see StratifiedKFold, which is preferred.
func KFold(n, k int, seed uint64) [][]int {
	return StratifiedKFold(make([]int, max(n, 0)), k, seed)
}

// splitMix64 is a tiny PRNG whose output is fixed by its definition
// (Steele et al. 2014), unlike math/rand's, which may change between Go
// versions.
type splitMix64 struct{ s uint64 }

func (r *splitMix64) next() uint64 {
	r.s += 0x9e3779b97f4a7c15
	z := r.s
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// below returns a uniform value in [0, n) by rejection, without modulo bias.
func (r *splitMix64) below(n uint64) uint64 {
	floor := -n % n // 2^64 mod n
	for {
		if x := r.next(); x >= floor {
			return x % n
		}
	}
}

// ThresholdMinSupport is the fewest posts a threshold must flag for
// ChooseThreshold to trust its precision: 1 of 1 right is no evidence.
const ThresholdMinSupport = 5

// ChooseThreshold returns the lowest threshold t such that the posts with
// score ≥ t have precision ≥ targetPrecision and number at least
// ThresholdMinSupport, with that precision and the recall over all
// positives. The lowest qualifying threshold is the one with the highest
// recall. Use it per label on held-out (cross-validated) probabilities,
// with positive[i] telling whether post i truly has the label.
//
// If no threshold qualifies, it returns a threshold just above the highest
// score (flagging none of these posts) with precision and recall 0. NaN
// scores are never flagged. It panics if the slices differ in length.
func ChooseThreshold(scores []float64, positive []bool, targetPrecision float64) (threshold, precision, recall float64) {
	if len(scores) != len(positive) {
		panic(fmt.Sprintf("nb.ChooseThreshold: %d scores, %d labels", len(scores), len(positive)))
	}
	order := make([]int, 0, len(scores))
	positives := 0
	for i, s := range scores {
		if positive[i] {
			positives++
		}
		if !math.IsNaN(s) {
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(scores[b], scores[a]) })
	threshold = math.MaxFloat64
	if len(order) > 0 {
		threshold = min(math.Nextafter(scores[order[0]], math.Inf(1)), math.MaxFloat64) // finite, so a Model can store it
	}
	tp, flagged := 0, 0
	for i := 0; i < len(order); {
		s := scores[order[i]]
		for ; i < len(order) && scores[order[i]] == s; i++ { // ties are flagged together
			flagged++
			if positive[order[i]] {
				tp++
			}
		}
		if p := float64(tp) / float64(flagged); flagged >= ThresholdMinSupport && p >= targetPrecision {
			threshold, precision, recall = s, p, float64(tp)/float64(positives)
		}
	}
	return threshold, precision, recall
}
