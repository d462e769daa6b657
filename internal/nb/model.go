package nb

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"math/bits"
	"slices"
	"unicode/utf8"
)

// DefaultAlpha is the Lidstone smoothing used when ModelOptions.Alpha is 0.
// Laplace's α = 1 is too strong for short posts over a large hashed
// vocabulary: with 200k seen buckets, a label with 5,000 counted tokens
// would get a denominator of 205,000 and nearly flat likelihoods. α = 0.1
// keeps rare-but-telling words telling; tune it by cross-validation.
const DefaultAlpha = 0.1

// ModelOptions are the choices made when turning counts into a Model.
// They are stored in the model file.
type ModelOptions struct {
	// Alpha is the Lidstone smoothing added to every seen (bucket, label)
	// count; 0 selects DefaultAlpha. Must be finite and > 0.
	Alpha float64
	// Complement selects Complement Naive Bayes (Rennie et al. 2003): a
	// label's weights come from the counts of all OTHER labels, which is
	// steadier when labels have very different amounts of training text.
	// A feature's weight for label l is −log((N_{f,¬l}+α)/(N_{¬l}+αV)).
	// Scores then are not log-probabilities, but Probabilities still
	// normalizes them. With two labels it ranks exactly as plain NB.
	Complement bool
	// Thresholds are per-label decision thresholds, in label order, kept
	// with the model so a tuned operating point travels in its file. nb
	// does not interpret them. nil means all 0. Each must be finite.
	Thresholds []float64
	// Meta holds caller metadata (normalizer version, lexicon hash,
	// feature settings) stored in the file. Keys and values must be valid
	// UTF-8.
	Meta map[string]string
}

// Model is a trained naive-Bayes model. It is immutable and safe for
// concurrent use by multiple goroutines.
type Model struct {
	shape
	ids        []uint32 // seen buckets, ascending
	counts     []uint64 // len(ids) rows × len(labels): the training counts, kept for WriteTo and Trainer
	alpha      float64
	complement bool
	thresholds []float64
	meta       map[string]string
	logPrior   []float64 // per label
	logLik     []float32 // buckets × labels, bucket-major; rows of unseen buckets are 0
}

// newModel smooths sorted sparse counts; it owns s, ids and counts.
// Errors carry no "nb:" prefix.
func newModel(s shape, ids []uint32, counts []uint64, opts ModelOptions) (*Model, error) {
	n := len(s.labels)
	m := &Model{shape: s, ids: ids, counts: counts, alpha: opts.Alpha, complement: opts.Complement}
	if m.alpha == 0 {
		m.alpha = DefaultAlpha
	}
	if !(m.alpha > 0) || math.IsInf(m.alpha, 1) {
		return nil, fmt.Errorf("alpha %v, want finite and > 0", opts.Alpha)
	}
	if err := m.setThresholds(opts.Thresholds); err != nil {
		return nil, err
	}
	for k, v := range opts.Meta {
		if !utf8.ValidString(k) || !utf8.ValidString(v) {
			return nil, fmt.Errorf("meta %+q: %+q is not valid UTF-8", k, v)
		}
	}
	m.meta = maps.Clone(opts.Meta)

	var docs, carry uint64
	for _, d := range s.docs {
		if docs, carry = bits.Add64(docs, d, 0); carry != 0 {
			return nil, errors.New("document counts overflow")
		}
	}
	if docs == 0 {
		return nil, errors.New("no training documents")
	}
	m.logPrior = make([]float64, n)
	for l, d := range s.docs {
		m.logPrior[l] = math.Log(float64(d) / float64(docs)) // −Inf for a label with no documents: it is never predicted
	}

	totals := make([]uint64, n)
	var all uint64
	for i, c := range counts {
		var carry uint64
		totals[i%n], carry = bits.Add64(totals[i%n], c, 0)
		all, carry = bits.Add64(all, c, carry)
		if carry != 0 {
			return nil, errors.New("feature counts overflow")
		}
	}
	v := float64(len(ids)) // the global vocabulary: distinct buckets seen, all labels together
	m.logLik = make([]float32, int(s.buckets)*n)
	for i, f := range ids {
		row := counts[i*n : i*n+n]
		var rowSum uint64
		for _, c := range row {
			rowSum += c
		}
		out := m.logLik[int(f)*n : int(f)*n+n]
		for l, c := range row {
			if m.complement {
				out[l] = float32(-math.Log((float64(rowSum-c) + m.alpha) / (float64(all-totals[l]) + m.alpha*v)))
			} else {
				out[l] = float32(math.Log((float64(c) + m.alpha) / (float64(totals[l]) + m.alpha*v)))
			}
		}
	}
	return m, nil
}

func (m *Model) setThresholds(th []float64) error {
	if th == nil {
		th = make([]float64, len(m.labels))
	}
	if len(th) != len(m.labels) {
		return fmt.Errorf("%d thresholds for %d labels", len(th), len(m.labels))
	}
	for l, t := range th {
		if math.IsNaN(t) || math.IsInf(t, 0) {
			return fmt.Errorf("threshold %v for label %q is not finite", t, m.labels[l])
		}
	}
	m.thresholds = slices.Clone(th)
	return nil
}

// WithThresholds returns a copy of m with the given per-label thresholds
// (one per label, finite). m is unchanged; the copy shares m's tables.
func (m *Model) WithThresholds(th []float64) (*Model, error) {
	c := *m
	if err := c.setThresholds(th); err != nil {
		return nil, fmt.Errorf("nb: %w", err)
	}
	return &c, nil
}

// Thresholds returns a copy of the per-label decision thresholds.
func (m *Model) Thresholds() []float64 { return slices.Clone(m.thresholds) }

// Meta returns a copy of the metadata stored with the model.
func (m *Model) Meta() map[string]string { return maps.Clone(m.meta) }

// Alpha returns the Lidstone smoothing the model was built with.
func (m *Model) Alpha() float64 { return m.alpha }

// Complement reports whether the model is Complement Naive Bayes.
func (m *Model) Complement() bool { return m.complement }

// VocabSize returns the number of distinct buckets seen in training.
func (m *Model) VocabSize() int { return len(m.ids) }

// Trainer returns a new Trainer holding the model's counts, so models
// trained elsewhere and saved can be read back, merged and rebuilt.
func (m *Model) Trainer() *Trainer {
	n := len(m.labels)
	t, _ := NewTrainer(m.labels, m.buckets) // the shape was validated when m was made
	t.binary = m.binary
	copy(t.docs, m.docs)
	t.ids = slices.Clone(m.ids)
	t.counts = slices.Clone(m.counts)
	for i, f := range t.ids {
		t.index[f] = int32(i)
		for l, c := range t.counts[i*n : i*n+n] {
			t.totals[l] += c
		}
	}
	return t
}

// LogScores appends to dst, for each label in order, the log prior plus the
// sum of the log-likelihoods of feats, added in the order given so results
// are reproducible bit for bit. Feature ids never seen in training, and ids
// out of range, add nothing. It allocates only when dst lacks room for
// len(m.Labels()) more values: reuse a buffer with m.LogScores(feats, buf[:0]).
func (m *Model) LogScores(feats []uint32, dst []float64) []float64 {
	dst = m.AppendLogPriors(dst)
	m.AddLogLikelihoods(dst[len(dst)-len(m.labels):], feats)
	return dst
}

// AppendLogPriors appends to dst the log prior of each label, in order: the
// scores of a post with no features.
func (m *Model) AppendLogPriors(dst []float64) []float64 {
	return append(dst, m.logPrior...)
}

// AddLogLikelihoods adds to scores, one per label, the log-likelihoods of
// feats in the order given. AppendLogPriors followed by AddLogLikelihoods
// over consecutive pieces of a post's features gives exactly LogScores of
// all of them, bit for bit (it is how LogScores is computed), so a caller
// can score features in bounded memory as it produces them. Unseen and
// out-of-range ids add nothing, as in LogScores. It panics if scores has
// fewer than len(m.Labels()) values.
func (m *Model) AddLogLikelihoods(scores []float64, feats []uint32) {
	n := len(m.labels)
	scores = scores[:n]
	if n == 4 {
		// The default label set. The sums are kept in registers (through
		// s they would be stored and reloaded for every feature, which
		// takes longer than the additions) and the rows are read as
		// fixed-size arrays, without bounds checks. The additions are the
		// same, in the same order.
		s := (*[4]float64)(scores)
		s0, s1, s2, s3 := s[0], s[1], s[2], s[3]
		for _, f := range feats {
			if f >= m.buckets {
				continue
			}
			row := (*[4]float32)(m.logLik[int(f)*4:])
			s0 += float64(row[0])
			s1 += float64(row[1])
			s2 += float64(row[2])
			s3 += float64(row[3])
		}
		s[0], s[1], s[2], s[3] = s0, s1, s2, s3
		return
	}
	for _, f := range feats {
		if f >= m.buckets {
			continue
		}
		for l, w := range m.logLik[int(f)*n : int(f)*n+n] {
			scores[l] += float64(w)
		}
	}
}

// Probabilities appends to dst the softmax of logScores, computed with
// log-sum-exp so it neither underflows nor overflows: the result is never
// NaN and sums to 1, however long the post. NaN scores get probability 0;
// if every score is −Inf (or NaN) the result is uniform; +Inf scores share
// all the mass. It allocates only when dst lacks room. It reads nothing
// from m: it is a method so that a *Model is all a caller needs.
func (m *Model) Probabilities(logScores, dst []float64) []float64 {
	dst = slices.Grow(dst, len(logScores))
	out := dst[len(dst) : len(dst)+len(logScores)]
	top, nTop := math.Inf(-1), 0
	for _, s := range logScores {
		switch {
		case s > top:
			top, nTop = s, 1
		case s == top:
			nTop++
		}
	}
	switch {
	case math.IsInf(top, -1): // nothing to go on
		for i := range out {
			out[i] = 1 / float64(len(out))
		}
	case math.IsInf(top, 1):
		for i, s := range logScores {
			out[i] = 0
			if s == top {
				out[i] = 1 / float64(nTop)
			}
		}
	default:
		var sum float64
		for i, s := range logScores {
			out[i] = 0
			if !math.IsNaN(s) {
				out[i] = math.Exp(s - top)
			}
			sum += out[i] // ≥ 1: the top score contributes exp(0)
		}
		for i := range out {
			out[i] /= sum
		}
	}
	return dst[:len(dst)+len(logScores)]
}

// Weight returns how much feature feat pushes a post toward label: its
// log-likelihood for label minus the largest among the other labels.
// Positive means evidence for label. It is 0 for features never seen in
// training, ids or labels out of range, and single-label models; classify
// uses it to explain a result.
func (m *Model) Weight(feat uint32, label int) float64 {
	n := len(m.labels)
	if feat >= m.buckets || label < 0 || label >= n || n < 2 {
		return 0
	}
	row := m.logLik[int(feat)*n : int(feat)*n+n]
	other := math.Inf(-1)
	for l, w := range row {
		if l != label {
			other = max(other, float64(w))
		}
	}
	return float64(row[label]) - other
}
