package classify

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/ghurbal/ghurbal/internal/evade"
)

// evasionStats classifies examples after rewriting each with rewrite and
// returns the recall of each positive label and the share of other posts
// flagged.
func evasionStats(c *Classifier, examples []Example, rewrite func(i int, text string) string) (map[string]float64, float64) {
	right, total := map[string]int{}, map[string]int{}
	var r Result
	for i, e := range examples {
		c.ClassifyInto(&r, rewrite(i, e.Text))
		total[e.Label]++
		switch {
		case e.Label == "other" && r.Flagged:
			right["other-flagged"]++
		case e.Label != "other" && r.Label == e.Label:
			right[e.Label]++
		}
	}
	recall := map[string]float64{}
	for _, l := range []string{"smuggling", "visa", "crossing"} {
		recall[l] = float64(right[l]) / float64(max(total[l], 1))
	}
	return recall, float64(right["other-flagged"]) / float64(max(total["other"], 1))
}

// TestEvasion rewrites every holdout post the ways evaders do (each
// obfuscation alone, then several combined; each applied to the post's key
// words and a third of its other words, except Arabizi, which switches the
// key words only) and checks that each positive
// label keeps at least 95% of its clean recall and that the other posts'
// false-positive rate rises by at most one point. The holdout is used
// because the model never saw it.
func TestEvasion(t *testing.T) {
	c := Default()
	examples := readExamples(t, "../corpus/holdout.jsonl")
	clean, cleanFP := evasionStats(c, examples, func(_ int, s string) string { return s })
	t.Logf("%-14s smuggling %.3f  visa %.3f  crossing %.3f  other flagged %.3f", "clean", clean["smuggling"], clean["visa"], clean["crossing"], cleanFP)
	methods := append([]evade.Method(nil), evade.Methods...)
	for _, m := range methods {
		rw := evade.DefaultRewriter() // key words and 30% of the other words
		if m == evade.Arabizi {
			rw.Rate = -1 // "a key word switched to Arabizi": key words only
		}
		recall, fp := evasionStats(c, examples, func(i int, s string) string {
			return rw.Apply(s, m, rand.New(rand.NewPCG(uint64(i), uint64(m))))
		})
		// Issue 6's bar: 0.95 of the clean recall. Arabizi meets it because
		// the default model is trained with TrainConfig.Arabizi, on copies
		// of posts.jsonl rewritten by this same rewriter (other posts, other
		// seeds): the figure says the model learned the rewriter's
		// spellings, which real writers' spellings only partly share.
		const bar = 0.95
		var worst []string
		for _, l := range []string{"smuggling", "visa", "crossing"} {
			ratio := recall[l] / clean[l]
			if ratio < bar {
				worst = append(worst, fmt.Sprintf("%s %.3f", l, ratio))
			}
		}
		t.Logf("%-14s smuggling %.3f  visa %.3f  crossing %.3f  other flagged %.3f", m, recall["smuggling"], recall["visa"], recall["crossing"], fp)
		if len(worst) > 0 {
			t.Errorf("%s: recall ratio below %.2f: %s", m, bar, strings.Join(worst, ", "))
		}
		if fp > cleanFP+0.01 {
			t.Errorf("%s: other posts flagged %.3f, clean %.3f", m, fp, cleanFP)
		}
	}
}
