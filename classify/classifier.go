package classify

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sync"

	"github.com/ghurbal/ghurbal/extract"
	"github.com/ghurbal/ghurbal/lexicon"
)

// Classifier scores posts with a model and the lexicon it was trained
// with. It is immutable and safe for concurrent use; share one.
type Classifier struct {
	model  *Model
	lex    *lexicon.Lexicon
	labels []string
	pool   sync.Pool
}

// Option configures New.
type Option func(*options)

type options struct{ allowLexicon bool }

// AllowLexiconMismatch lets New accept a lexicon other than the one the
// model was trained with. Scores then drift in ways no test has measured.
func AllowLexiconMismatch() Option { return func(o *options) { o.allowLexicon = true } }

// New returns a Classifier for m and lex (lexicon.Default() when nil). It
// refuses a lexicon whose hash differs from the model's unless
// AllowLexiconMismatch is given.
func New(m *Model, lex *lexicon.Lexicon, opts ...Option) (*Classifier, error) {
	if m == nil {
		return nil, fmt.Errorf("classify: nil model")
	}
	var o options
	for _, opt := range opts {
		if opt != nil {
			opt(&o)
		}
	}
	if lex == nil {
		lex = lexicon.Default()
	}
	if m.lexicon != lex.Hash() && !o.allowLexicon {
		return nil, fmt.Errorf("%w (model %.12s…, lexicon %.12s…): pass AllowLexiconMismatch to use it anyway, or retrain",
			ErrLexiconMismatch, m.lexicon, lex.Hash())
	}
	c := &Classifier{model: m, lex: lex, labels: m.Labels()}
	c.pool.New = func() any { return new(extractor) }
	return c, nil
}

// Model returns the classifier's model.
func (c *Classifier) Model() *Model { return c.model }

// Lexicon returns the classifier's lexicon.
func (c *Classifier) Lexicon() *lexicon.Lexicon { return c.lex }

// Labels returns the labels in the model's order.
func (c *Classifier) Labels() []string { return slices.Clone(c.labels) }

// Result is what Classify says of one post. Hits and Signals have byte
// offsets into the text classified.
type Result struct {
	// Label is the decision: the most probable label when it is flagged
	// (its probability reaches its threshold) or is the negative label,
	// and the negative label otherwise. Without a negative label (a model
	// trained on other label sets) it is the most probable label.
	Label string `json:"label"`
	// Flagged reports that Label is a label to act on: not the negative
	// one, with its probability at or above its threshold.
	Flagged bool `json:"flagged"`
	// Top is the most probable label, whether or not it was flagged, and
	// Threshold the threshold of that label.
	Top       string             `json:"top"`
	Threshold float64            `json:"threshold"`
	Scores    map[string]float64 `json:"scores"` // probabilities, summing to 1
	Hits      []lexicon.Hit      `json:"hits"`
	Signals   extract.Signals    `json:"signals"`
	// Explain lists the features that pushed the post most toward Label,
	// strongest first (Classify and ExplainInto fill it; ClassifyInto
	// leaves it empty).
	Explain []Contribution `json:"explain,omitempty"`
	logs    []float64
	probs   []float64
}

// Contribution is one feature's push toward a label: the log-likelihood
// ratio of the feature under the label against the strongest other label,
// times how often it occurs in the post.
type Contribution struct {
	// Feature is kind:text, e.g. w:مهرب. The kinds: w word, s light
	// stem, p word pair, c character n-gram (^ and $ mark the word's
	// edges), k consonant skeleton, e emoji, n number (by digit count),
	// L lexicon category, T lexicon term (category:term), S extracted
	// signal (phone:BY, price:USD, handle:telegram …).
	Feature string  `json:"feature"`
	Label   string  `json:"label"`
	Weight  float64 `json:"weight"`
}

// ExplainTop is how many contributions Classify reports.
const ExplainTop = 8

// Classify scores text and explains the score. It never fails and never
// panics, whatever the bytes.
func (c *Classifier) Classify(text string) Result {
	var r Result
	c.classify(&r, text, true)
	return r
}

// ClassifyInto scores text into r, reusing r's map and slices: in steady
// state it allocates nothing but the E.164 strings of phone numbers not
// written as one run of digits. It leaves r.Explain empty. Strings in r
// stay valid after r is reused.
func (c *Classifier) ClassifyInto(r *Result, text string) { c.classify(r, text, false) }

// ExplainInto is ClassifyInto that also fills r.Explain (allocating the
// feature names).
func (c *Classifier) ExplainInto(r *Result, text string) { c.classify(r, text, true) }

func (c *Classifier) classify(r *Result, text string, explain bool) {
	x := c.pool.Get().(*extractor)
	defer c.pool.Put(x)
	s := &c.model.settings
	r.logs = c.model.nb.AppendLogPriors(r.logs[:0])
	fs := x.features(s, c.lex, text, explain, c.model.nb, r.logs)
	c.model.cal.apply(r.logs)
	r.probs = c.model.nb.Probabilities(r.logs, r.probs[:0])
	best := 0
	for i, p := range r.probs {
		if p > r.probs[best] {
			best = i
		}
	}
	if r.Scores == nil {
		r.Scores = make(map[string]float64, len(c.labels))
	}
	for i, l := range c.labels {
		r.Scores[l] = r.probs[i]
	}
	if len(r.Scores) != len(c.labels) {
		// r was last used by a classifier with other labels: drop them.
		// (Checked after the assignments, so the usual case never walks
		// the map.)
		for k := range r.Scores {
			if !slices.Contains(c.labels, k) {
				delete(r.Scores, k)
			}
		}
	}
	r.Top = c.labels[best]
	th := c.model.thresholds
	r.Threshold = 0
	if best < len(th) {
		r.Threshold = th[best]
	}
	r.Flagged = r.Top != s.Negative && r.probs[best] >= r.Threshold
	r.Label = r.Top
	if !r.Flagged && s.Negative != "" {
		r.Label = s.Negative
	}
	r.Hits = append(r.Hits[:0], x.hits...)
	copySignals(&r.Signals, &x.sig, s.Signals, text)
	r.Explain = r.Explain[:0]
	if explain {
		r.Explain = c.explain(r.Explain, fs, best)
	}
}

// copySignals copies src into dst reusing dst's slices; without the
// Signals feature group the signals are extracted here.
func copySignals(dst, src *extract.Signals, extracted bool, text string) {
	if !extracted {
		extract.AppendAll(dst, text)
		return
	}
	dst.Phones = append(dst.Phones[:0], src.Phones...)
	dst.Prices = append(dst.Prices[:0], src.Prices...)
	dst.Handles = append(dst.Handles[:0], src.Handles...)
	dst.URLs = append(dst.URLs[:0], src.URLs...)
	dst.Locations = append(dst.Locations[:0], src.Locations...)
	dst.Script = src.Script
}

// explain appends the ExplainTop features that pushed most toward label.
func (c *Classifier) explain(dst []Contribution, fs *featureSet, label int) []Contribution {
	type agg struct {
		f feature
		w float64
	}
	var all []agg
	seen := map[feature]int{}
	for i, id := range fs.ids {
		w := c.model.nb.Weight(id, label)
		if w == 0 || math.IsNaN(w) {
			continue
		}
		f := fs.descs[i]
		if j, ok := seen[f]; ok {
			if !c.model.settings.Binary {
				all[j].w += w
			}
			continue
		}
		seen[f] = len(all)
		all = append(all, agg{f, w})
	}
	slices.SortStableFunc(all, func(a, b agg) int {
		switch {
		case a.w > b.w:
			return -1
		case a.w < b.w:
			return 1
		}
		return 0
	})
	for _, a := range all[:min(len(all), ExplainTop)] {
		if a.w <= 0 {
			break
		}
		dst = append(dst, Contribution{Feature: a.f.name(), Label: c.labels[label], Weight: a.w})
	}
	return dst
}

// ClassifyAll classifies texts on all CPUs, results in input order. It
// stops early when ctx is cancelled and returns ctx's error with the
// results so far (unfinished ones are zero Results).
func (c *Classifier) ClassifyAll(ctx context.Context, texts []string) ([]Result, error) {
	out := make([]Result, len(texts))
	workers := min(runtime.GOMAXPROCS(0), max(len(texts), 1))
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				c.classify(&out[i], texts[i], false)
			}
		})
	}
	var err error
feed:
	for i := range texts {
		select {
		case <-ctx.Done():
			err = ctx.Err()
			break feed
		case next <- i:
		}
	}
	close(next)
	wg.Wait()
	return out, err
}
