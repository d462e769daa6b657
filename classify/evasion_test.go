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

// evasionDraws is how many rewrites of each post TestEvasion scores per
// obfuscation. One draw per post measured the false-positive rate of the
// holdout's 140 other posts in steps of 0.7 points against a bar of one
// point: a single unlucky rewrite decided the outcome. Five draws measure
// the rate the bar is about in steps of 0.14 points.
const evasionDraws = 5

// rewriteDraw rewrites post i with method m, draw d (draw 0 is the seed the
// single-draw test used).
func rewriteDraw(rw evade.Rewriter, m evade.Method, i, d int, s string) string {
	return rw.Apply(s, m, rand.New(rand.NewPCG(uint64(i), uint64(m)+uint64(d)<<32)))
}

// methodRewriter is the rewriter TestEvasion uses for m: the key words and
// 30% of the other words, except for Arabizi ("a key word switched to
// Arabizi"), which switches the key words only.
func methodRewriter(m evade.Method) evade.Rewriter {
	rw := evade.DefaultRewriter()
	if m == evade.Arabizi {
		rw.Rate = -1
	}
	return rw
}

// TestEvasion rewrites every holdout post the ways evaders do (each
// obfuscation alone, then several combined), evasionDraws times each, and
// checks that each positive label keeps at least 95% of its clean recall
// and that the other posts' false-positive rate rises by at most one point.
// The holdout is used because the model never saw it.
func TestEvasion(t *testing.T) {
	c := Default()
	examples := readExamples(t, "../corpus/holdout.jsonl")
	clean, cleanFP := evasionStats(c, examples, func(_ int, s string) string { return s })
	t.Logf("%-14s smuggling %.3f  visa %.3f  crossing %.3f  other flagged %.4f", "clean", clean["smuggling"], clean["visa"], clean["crossing"], cleanFP)
	for _, m := range evade.Methods {
		rw := methodRewriter(m)
		recall, fp := map[string]float64{}, 0.0
		for d := range evasionDraws {
			r, f := evasionStats(c, examples, func(i int, s string) string { return rewriteDraw(rw, m, i, d, s) })
			for l, v := range r {
				recall[l] += v / evasionDraws
			}
			fp += f / evasionDraws
		}
		// Issue 6's bar: 0.95 of the clean recall. Arabizi meets it because
		// the default model is trained with TrainConfig.Arabizi, on copies
		// of posts.jsonl rewritten by this same rewriter (other posts, other
		// seeds): the figure says the model learned the rewriter's
		// spellings, which real writers' spellings only partly share.
		// The recalls are counts over draws × posts, so a ratio exactly at
		// the bar (418/500 against 88/100) comes out of the division a
		// rounding error below it; ratioSlack keeps that from failing.
		const bar, ratioSlack = 0.95, 1e-9
		var worst []string
		for _, l := range []string{"smuggling", "visa", "crossing"} {
			ratio := recall[l] / clean[l]
			if ratio < bar-ratioSlack {
				worst = append(worst, fmt.Sprintf("%s %.3f", l, ratio))
			}
		}
		t.Logf("%-14s smuggling %.3f  visa %.3f  crossing %.3f  other flagged %.4f", m, recall["smuggling"], recall["visa"], recall["crossing"], fp)
		if len(worst) > 0 {
			t.Errorf("%s: recall ratio below %.2f: %s", m, bar, strings.Join(worst, ", "))
		}
		if fp > cleanFP+0.01 {
			t.Errorf("%s: other posts flagged %.4f, clean %.4f", m, fp, cleanFP)
		}
	}
}

// TestEvasionRealTweets checks false positives the same way on real tweets
// about other things, which none of the team wrote (../shared/datasets,
// skipped when absent): rewritten by each obfuscation, no more than one
// point more of them is flagged.
func TestEvasionRealTweets(t *testing.T) {
	if raceEnabled {
		t.Skip("a quality measure on one goroutine: the plain run checks it, the race detector would only multiply its time")
	}
	if testing.Short() {
		t.Skip("classifies every tweet once per obfuscation")
	}
	c := Default()
	var tweets []Example
	for _, name := range []string{"../../shared/datasets/ajgt/ajgt.jsonl", "../../shared/datasets/astd/astd.jsonl"} {
		tweets = append(tweets, readExamples(t, name)...)
	}
	for i := range tweets {
		tweets[i].Label = "other"
	}
	_, cleanFP := evasionStats(c, tweets, func(_ int, s string) string { return s })
	t.Logf("%-14s %d tweets flagged %.4f", "clean", len(tweets), cleanFP)
	for _, m := range evade.Methods {
		rw := methodRewriter(m)
		_, fp := evasionStats(c, tweets, func(i int, s string) string { return rewriteDraw(rw, m, i, 0, s) })
		t.Logf("%-14s flagged %.4f", m, fp)
		if fp > cleanFP+0.01 {
			t.Errorf("%s: tweets flagged %.4f, clean %.4f", m, fp, cleanFP)
		}
	}
}

// BenchmarkEvasion classifies the holdout posts rewritten by each
// obfuscation (one draw) and reports, beside the speed, each positive
// label's recall as a share of its clean recall and the other posts'
// false-positive rate, as TestEvasion checks them.
func BenchmarkEvasion(b *testing.B) {
	c := Default()
	examples := readExamples(b, "../corpus/holdout.jsonl")
	clean, _ := evasionStats(c, examples, func(_ int, s string) string { return s })
	for _, m := range evade.Methods {
		rw := methodRewriter(m)
		rewritten := make([]Example, len(examples))
		n := 0
		for i, e := range examples {
			rewritten[i] = Example{Text: rewriteDraw(rw, m, i, 0, e.Text), Label: e.Label}
			n += len(rewritten[i].Text)
		}
		b.Run(m.String(), func(b *testing.B) {
			var r Result
			for _, e := range rewritten { // grow r's buffers before measuring
				c.ClassifyInto(&r, e.Text)
			}
			b.SetBytes(int64(n))
			b.ReportAllocs()
			for b.Loop() {
				for _, e := range rewritten {
					c.ClassifyInto(&r, e.Text)
				}
			}
			recall, fp := evasionStats(c, rewritten, func(_ int, s string) string { return s })
			for _, l := range []string{"smuggling", "visa", "crossing"} {
				b.ReportMetric(recall[l]/clean[l], l+"-ratio")
			}
			b.ReportMetric(fp, "other-flagged")
		})
	}
}
