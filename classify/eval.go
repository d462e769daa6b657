package classify

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/ghurbal/ghurbal/internal/evade"
	"github.com/ghurbal/ghurbal/internal/nb"
	"github.com/ghurbal/ghurbal/lexicon"
)

// Example is one labelled post.
type Example struct {
	Text  string `json:"text"`
	Label string `json:"label"`
}

// Report is an evaluation: per-label precision, recall, F1 and support,
// macro-F1, accuracy, the confusion matrix (rows: true label, columns:
// predicted) and calibration by probability bucket. String prints it as a
// table; it marshals to JSON for scripts.
type Report = nb.Report

// Evaluate classifies every example with c and compares with its label.
// Examples whose label the model does not know are counted as errors of
// the first kind: they make Evaluate fail.
func Evaluate(c *Classifier, examples []Example) (Report, error) {
	index := labelIndex(c.labels)
	truth := make([]int, len(examples))
	for i, e := range examples {
		l, ok := index[e.Label]
		if !ok {
			return Report{}, fmt.Errorf("classify: example %d has label %q, not one of the model's %q", i+1, e.Label, c.labels)
		}
		truth[i] = l
	}
	texts := make([]string, len(examples))
	for i, e := range examples {
		texts[i] = e.Text
	}
	results, err := c.ClassifyAll(context.Background(), texts)
	if err != nil {
		return Report{}, err
	}
	pred := make([]int, len(examples))
	top := make([]float64, len(examples))
	for i, r := range results {
		pred[i] = index[r.Label]
		top[i] = r.Scores[r.Label]
	}
	return nb.Evaluate(c.labels, truth, pred, top), nil
}

func labelIndex(labels []string) map[string]int {
	m := make(map[string]int, len(labels))
	for i, l := range labels {
		m[l] = i
	}
	return m
}

// Labels returns the distinct labels of examples in sorted order.
func Labels(examples []Example) []string {
	var labels []string
	for _, e := range examples {
		if !slices.Contains(labels, e.Label) {
			labels = append(labels, e.Label)
		}
	}
	slices.Sort(labels)
	return labels
}

// CVResult is the outcome of k-fold cross-validation.
type CVResult struct {
	// Report compares the most probable label with the truth.
	Report Report
	// Decisions compares the decisions (the most probable label when it
	// reaches its threshold, else the negative label) with the truth. The
	// thresholds are chosen on these same held-out scores, so it is a
	// little optimistic; the holdout gives the honest figure.
	Decisions Report
	// Thresholds, one per label, chosen on the held-out probabilities so
	// that each non-negative label's flags reach the target precision.
	Thresholds []float64
	// ThresholdPrecision and ThresholdRecall are the held-out precision and
	// recall of each label's flags at its threshold.
	ThresholdPrecision, ThresholdRecall []float64
	// Temperature and Bias are the calibration fitted on the held-out
	// scores (lowest log loss): the log scores are divided by Temperature
	// and each label's Bias is added (see calibrate.go). The reports use
	// the calibrated scores. Bias is the likelihood-optimal bias times
	// BiasFraction, the fraction chosen for the decisions (see
	// calibrate.go).
	Temperature  float64
	Bias         []float64
	BiasFraction float64
}

// CrossValidate trains k models, each on all folds but one, scores the
// held-out fold, and reports on all held-out predictions together. Folds
// are stratified by label and fixed by seed, so the result is
// deterministic. targetPrecision is the precision each non-negative
// label's threshold aims at (e.g. 0.95).
func CrossValidate(examples []Example, labels []string, lex *lexicon.Lexicon, settings Settings, k int, seed uint64, targetPrecision float64) (CVResult, error) {
	return crossValidate(examples, labels, lex, settings, k, seed, targetPrecision, false, nil)
}

// crossValidate is CrossValidate, training each fold's model also on the
// Arabizi copies of its training posts when arabizi (TrainConfig.Arabizi;
// the held-out posts are never copied), and calling afterFold, when not
// nil, with the number of folds done after each one (for Train's
// progress). CrossValidate makes no copies.
func crossValidate(examples []Example, labels []string, lex *lexicon.Lexicon, settings Settings, k int, seed uint64, targetPrecision float64, arabizi bool, afterFold func(done int)) (CVResult, error) {
	index := labelIndex(labels)
	truth := make([]int, len(examples))
	for i, e := range examples {
		l, ok := index[e.Label]
		if !ok {
			return CVResult{}, fmt.Errorf("classify: example %d has label %q, not one of %q", i+1, e.Label, labels)
		}
		truth[i] = l
	}
	folds := nb.StratifiedKFold(truth, k, seed)
	if folds == nil {
		return CVResult{}, fmt.Errorf("classify: cannot make %d folds of %d examples", k, len(examples))
	}
	pred := make([]int, len(examples))
	logs := make([][]float64, len(examples))
	inFold := make([]int, len(examples))
	for f, fold := range folds {
		for _, i := range fold {
			inFold[i] = f
		}
	}
	for f, fold := range folds {
		t, err := NewTrainer(labels, lex, settings)
		if err != nil {
			return CVResult{}, err
		}
		for i, e := range examples {
			if inFold[i] != f {
				if err := t.addTraining(i, e, seed, arabizi); err != nil {
					return CVResult{}, err
				}
			}
		}
		m, err := t.Model()
		if err != nil {
			return CVResult{}, err
		}
		c, err := New(m, t.lex)
		if err != nil {
			return CVResult{}, err
		}
		var r Result
		for _, i := range fold {
			c.ClassifyInto(&r, examples[i].Text)
			pred[i] = index[r.Top]
			logs[i] = slices.Clone(r.logs)
		}
		if afterFold != nil {
			afterFold(f + 1)
		}
	}
	// Calibrate on the held-out scores (see calibrate.go); the decisions
	// below use the calibrated scores, as the trained model will.
	cal := fitCalibration(logs, truth, fitTemperature(logs, truth))
	shrink, cal := shrinkBias(cal, logs, truth, len(labels))
	temperature := 1 / cal.scale
	probs := make([][]float64, len(examples))
	top := make([]float64, len(examples))
	for i := range examples {
		z := slices.Clone(logs[i])
		cal.apply(z)
		probs[i] = softmax(z, 1)
		best := 0
		for c, p := range probs[i] {
			if p > probs[i][best] {
				best = c
			}
		}
		pred[i] = best
		top[i] = probs[i][best]
	}
	res := CVResult{
		Report:             nb.Evaluate(labels, truth, pred, top),
		Thresholds:         make([]float64, len(labels)),
		ThresholdPrecision: make([]float64, len(labels)),
		ThresholdRecall:    make([]float64, len(labels)),
		Temperature:        temperature,
		Bias:               cal.bias,
		BiasFraction:       shrink,
	}
	for l, name := range labels {
		if name == settings.Negative {
			continue
		}
		// A post is flagged with l when l is its most probable label and
		// the probability reaches the threshold; recall counts every post
		// truly labelled l.
		var scores []float64
		var positive []bool
		total := 0
		for i := range examples {
			if truth[i] == l {
				total++
			}
			if pred[i] == l {
				scores = append(scores, probs[i][l])
				positive = append(positive, truth[i] == l)
			}
		}
		th, p, r := nb.ChooseThreshold(scores, positive, targetPrecision)
		if hits := r * float64(countTrue(positive)); total > 0 {
			r = hits / float64(total)
		}
		res.Thresholds[l], res.ThresholdPrecision[l], res.ThresholdRecall[l] = th, p, r
	}
	decided := slices.Clone(pred)
	if neg, ok := index[settings.Negative]; ok {
		for i := range decided {
			if decided[i] != neg && probs[i][decided[i]] < res.Thresholds[decided[i]] {
				decided[i] = neg
			}
		}
	}
	res.Decisions = nb.Evaluate(labels, truth, decided, top)
	return res, nil
}

// softmax returns the probabilities of log scores divided by t.
func softmax(logs []float64, t float64) []float64 {
	out := make([]float64, len(logs))
	m := math.Inf(-1)
	for _, x := range logs {
		m = max(m, x/t)
	}
	sum := 0.0
	for i, x := range logs {
		out[i] = math.Exp(x/t - m)
		sum += out[i]
	}
	for i := range out {
		out[i] /= sum
	}
	return out
}

// fitTemperature finds the t in [1, 1e4] that minimizes the log loss of
// softmax(logs/t) against truth, by golden-section search on log t (the
// loss is unimodal in t for these scores in practice; the search is
// deterministic either way).
func fitTemperature(logs [][]float64, truth []int) float64 {
	loss := func(u float64) float64 {
		t := math.Exp(u)
		sum := 0.0
		for i, l := range logs {
			p := softmax(l, t)[truth[i]]
			sum -= math.Log(max(p, 1e-300))
		}
		return sum
	}
	lo, hi := 0.0, math.Log(1e4)
	phi := (math.Sqrt(5) - 1) / 2
	a, b := hi-phi*(hi-lo), lo+phi*(hi-lo)
	fa, fb := loss(a), loss(b)
	for range 60 {
		if fa <= fb {
			hi, b, fb = b, a, fa
			a = hi - phi*(hi-lo)
			fa = loss(a)
		} else {
			lo, a, fa = a, b, fb
			b = lo + phi*(hi-lo)
			fb = loss(b)
		}
	}
	return math.Exp((lo + hi) / 2)
}

func countTrue(bs []bool) int {
	n := 0
	for _, b := range bs {
		if b {
			n++
		}
	}
	return n
}

// TrainConfig says how Train builds a model.
type TrainConfig struct {
	Settings Settings
	// Folds for the cross-validation that reports quality and chooses the
	// thresholds; 0 or 1 skips it (thresholds are then 0).
	Folds int
	// Seed fixes the folds.
	Seed uint64
	// TargetPrecision is the held-out precision each non-negative label's
	// threshold aims at.
	TargetPrecision float64
	// Progress, when not nil, is called after each cross-validation fold
	// and once more when the final model is trained, with the steps done
	// so far and their total (Folds+1, or 1 without cross-validation), so
	// a program can show how far a long training has come. It is called
	// on the goroutine that called Train and does not change the model.
	Progress func(done, total int)
	// Arabizi also trains on a copy of each post whose key words (the
	// obfuscation rewriter's: مهرب، فيزا، حدود، المانيا …) are switched to
	// Latin-letter Arabizi spellings, when the post has any, so that the
	// model learns the spellings that Arabizi writers and evaders use for
	// the words it relies on most. The copies stay on the training side of
	// every cross-validation fold: the held-out figures and the thresholds
	// are measured on the original posts alone.
	Arabizi bool
}

// DefaultTrainConfig is what the default model is built with.
func DefaultTrainConfig() TrainConfig {
	return TrainConfig{Settings: DefaultSettings(), Folds: 5, Seed: 1, TargetPrecision: 0.95, Arabizi: true}
}

// Train cross-validates on examples (when cfg.Folds > 1), then trains on
// all of them and stores the cross-validated thresholds in the model. The
// labels are the examples' distinct labels, sorted. The same examples and
// config always give the same model bytes.
func Train(examples []Example, lex *lexicon.Lexicon, cfg TrainConfig) (*Model, CVResult, error) {
	labels := Labels(examples)
	if len(labels) < 2 {
		return nil, CVResult{}, fmt.Errorf("classify: training needs at least two labels, got %q", labels)
	}
	steps := 1
	if cfg.Folds > 1 {
		steps += cfg.Folds
	}
	step := func(done int) {
		if cfg.Progress != nil {
			cfg.Progress(done, steps)
		}
	}
	var cv CVResult
	if cfg.Folds > 1 {
		var err error
		cv, err = crossValidate(examples, labels, lex, cfg.Settings, cfg.Folds, cfg.Seed, cfg.TargetPrecision, cfg.Arabizi, step)
		if err != nil {
			return nil, CVResult{}, err
		}
	}
	t, err := NewTrainer(labels, lex, cfg.Settings)
	if err != nil {
		return nil, CVResult{}, err
	}
	for i, e := range examples {
		if err := t.addTraining(i, e, cfg.Seed, cfg.Arabizi); err != nil {
			return nil, CVResult{}, err
		}
	}
	cal := calibration{scale: 1, bias: make([]float64, len(labels))}
	if cv.Temperature > 0 {
		cal = calibration{scale: 1 / cv.Temperature, bias: cv.Bias}
	}
	m, err := t.model(cv.Thresholds, cal)
	if err == nil {
		step(steps)
	}
	return m, cv, err
}

// addTraining adds example i and, when arabizi, its Arabizi copy (see
// TrainConfig.Arabizi) if switching its key words changes it. The copy
// depends only on the text, i and seed.
func (t *Trainer) addTraining(i int, e Example, seed uint64, arabizi bool) error {
	if err := t.Add(e.Text, e.Label); err != nil || !arabizi {
		return err
	}
	rw := evade.Rewriter{Keywords: arabiziKeywords, Rate: -1}
	copied := rw.Apply(e.Text, evade.Arabizi, rand.New(rand.NewPCG(seed, uint64(i))))
	if copied == e.Text {
		return nil
	}
	return t.Add(copied, e.Label)
}

// arabiziKeywords are the words addTraining switches.
var arabiziKeywords = evade.DefaultKeywords()
