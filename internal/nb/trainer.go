package nb

import (
	"errors"
	"fmt"
	"slices"
	"unicode/utf8"
)

// Limits on a model's shape. They bound what a Trainer accepts and what
// ReadModel will believe from a file, so that a model always fits the dense
// table Model scores with.
const (
	MaxLabels  = 64      // a label set is a bit mask in the file
	MaxBuckets = 1 << 24 // feature ids are in [0, buckets)
	// MaxCells bounds buckets × labels: the dense float32 log-likelihood
	// table of a Model is at most 256 MiB (1<<24 buckets with 4 labels,
	// or 1<<20 buckets with 64).
	MaxCells = 1 << 26
)

// Trainer accumulates document and feature counts per label.
//
// Counts are sparse (a map from bucket to a row of per-label counts), so
// memory grows with the distinct features seen, not with buckets × labels.
// A Trainer is not safe for concurrent use; train shards in separate
// Trainers and Merge them.
type Trainer struct {
	shape
	totals  []uint64         // per label: feature occurrences counted
	index   map[uint32]int32 // bucket → row in ids and counts
	ids     []uint32         // buckets in first-seen order
	counts  []uint64         // len(ids) rows × len(labels), row-major
	scratch []uint32         // binary mode: the document's features, deduplicated
}

// shape is what a Trainer and a Model share: what is being counted and the
// document counts.
type shape struct {
	labels  []string
	buckets uint32
	binary  bool
	docs    []uint64 // per label
}

// TrainerOption configures a Trainer.
type TrainerOption func(*Trainer)

// Binary makes the Trainer count each feature at most once per document
// (binarized multinomial NB). For short posts, one word repeated five times
// is rarely five times the evidence. Callers should then also pass each
// feature once to LogScores; Model.Binary reports the setting.
func Binary() TrainerOption { return func(t *Trainer) { t.binary = true } }

// NewTrainer returns an empty Trainer for the given labels (non-empty,
// distinct, valid UTF-8, at most MaxLabels) and feature ids in
// [0, buckets), 1 ≤ buckets ≤ MaxBuckets.
func NewTrainer(labels []string, buckets uint32, opts ...TrainerOption) (*Trainer, error) {
	if err := checkShape(labels, buckets); err != nil {
		return nil, fmt.Errorf("nb: %w", err)
	}
	t := &Trainer{
		shape:  shape{labels: slices.Clone(labels), buckets: buckets, docs: make([]uint64, len(labels))},
		totals: make([]uint64, len(labels)),
		index:  make(map[uint32]int32),
	}
	for _, o := range opts {
		o(t)
	}
	return t, nil
}

// checkShape validates a label set and bucket count; its errors carry no
// "nb:" prefix so callers can wrap them.
func checkShape(labels []string, buckets uint32) error {
	switch {
	case len(labels) == 0:
		return errors.New("no labels")
	case len(labels) > MaxLabels:
		return fmt.Errorf("%d labels, at most %d are supported", len(labels), MaxLabels)
	case buckets == 0 || buckets > MaxBuckets:
		return fmt.Errorf("%d buckets, want 1 to %d", buckets, MaxBuckets)
	case uint64(buckets)*uint64(len(labels)) > MaxCells:
		return fmt.Errorf("%d buckets × %d labels exceeds %d cells", buckets, len(labels), MaxCells)
	}
	seen := make(map[string]bool, len(labels))
	for i, l := range labels {
		switch {
		case l == "":
			return fmt.Errorf("label %d is empty", i)
		case !utf8.ValidString(l):
			return fmt.Errorf("label %d %+q is not valid UTF-8", i, l)
		case seen[l]:
			return fmt.Errorf("duplicate label %q", l)
		}
		seen[l] = true
	}
	return nil
}

// Labels returns a copy of the label names, in index order.
func (s *shape) Labels() []string { return slices.Clone(s.labels) }

// NumBuckets returns the size of the feature-id space.
func (s *shape) NumBuckets() uint32 { return s.buckets }

// Binary reports whether features were counted once per document.
func (s *shape) Binary() bool { return s.binary }

// NumDocs returns the number of documents counted for each label.
func (s *shape) NumDocs() []uint64 { return slices.Clone(s.docs) }

// Add counts one document of the given label with the given feature ids.
// A label or feature id out of range is an error and nothing is counted:
// a mismatch between the feature hasher and the Trainer must not be
// silently dropped.
func (t *Trainer) Add(label int, feats []uint32) error {
	if label < 0 || label >= len(t.labels) {
		return fmt.Errorf("nb: label %d out of range [0,%d)", label, len(t.labels))
	}
	for _, f := range feats {
		if f >= t.buckets {
			return fmt.Errorf("nb: feature id %d out of range [0,%d)", f, t.buckets)
		}
	}
	if t.binary {
		t.scratch = append(t.scratch[:0], feats...)
		slices.Sort(t.scratch)
		feats = slices.Compact(t.scratch)
	}
	t.docs[label]++
	t.totals[label] += uint64(len(feats))
	for _, f := range feats {
		t.row(f)[label]++
	}
	return nil
}

// row returns the per-label counts of bucket f, adding a zero row if f is new.
func (t *Trainer) row(f uint32) []uint64 {
	n := len(t.labels)
	r, ok := t.index[f]
	if !ok {
		r = int32(len(t.ids))
		t.index[f] = r
		t.ids = append(t.ids, f)
		for range n {
			t.counts = append(t.counts, 0)
		}
	}
	return t.counts[int(r)*n : int(r)*n+n]
}

// Merge adds other's counts to t, so training can be split across
// goroutines or machines and summed; the result is the same as training
// one Trainer on all documents. Labels (in order), buckets and the Binary
// setting must match. On error t is unchanged.
func (t *Trainer) Merge(other *Trainer) error {
	switch {
	case !slices.Equal(t.labels, other.labels):
		return fmt.Errorf("nb: merge: labels %q differ from %q", other.labels, t.labels)
	case t.buckets != other.buckets:
		return fmt.Errorf("nb: merge: %d buckets differ from %d", other.buckets, t.buckets)
	case t.binary != other.binary:
		return fmt.Errorf("nb: merge: binary=%t differs from binary=%t", other.binary, t.binary)
	}
	// A feature's count never exceeds its label's total, so checking the
	// totals rules out overflow everywhere.
	for l := range t.docs {
		if t.docs[l]+other.docs[l] < t.docs[l] || t.totals[l]+other.totals[l] < t.totals[l] {
			return fmt.Errorf("nb: merge: counts of label %q overflow", t.labels[l])
		}
	}
	n := len(t.labels)
	for l := range t.docs {
		t.docs[l] += other.docs[l]
		t.totals[l] += other.totals[l]
	}
	for r, f := range other.ids {
		dst, src := t.row(f), other.counts[r*n:r*n+n]
		for l, c := range src {
			dst[l] += c
		}
	}
	return nil
}

// NumFeatures returns the number of distinct buckets seen so far.
func (t *Trainer) NumFeatures() int { return len(t.ids) }

// Model smooths the counts into an immutable Model; t stays usable and
// later Adds do not affect the Model.
func (t *Trainer) Model(opts ModelOptions) (*Model, error) {
	n := len(t.labels)
	ids := slices.Clone(t.ids)
	slices.Sort(ids)
	counts := make([]uint64, len(t.counts))
	for i, f := range ids {
		r := int(t.index[f])
		copy(counts[i*n:i*n+n], t.counts[r*n:r*n+n])
	}
	s := t.shape
	s.labels = slices.Clone(s.labels)
	s.docs = slices.Clone(s.docs)
	m, err := newModel(s, ids, counts, opts)
	if err != nil {
		return nil, fmt.Errorf("nb: %w", err)
	}
	return m, nil
}
