package nb

import (
	"math"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNewTrainerErrors(t *testing.T) {
	many := make([]string, MaxLabels+1)
	for i := range many {
		many[i] = strings.Repeat("x", i+1)
	}
	tests := []struct {
		name    string
		labels  []string
		buckets uint32
		want    string
	}{
		{"no labels", nil, 8, "no labels"},
		{"too many labels", many, 8, "65 labels"},
		{"empty label", []string{"a", ""}, 8, "label 1 is empty"},
		{"duplicate", []string{"a", "b", "a"}, 8, `duplicate label "a"`},
		{"invalid UTF-8", []string{"a", "\xff"}, 8, "not valid UTF-8"},
		{"zero buckets", []string{"a"}, 0, "0 buckets"},
		{"too many buckets", []string{"a"}, MaxBuckets + 1, "16777217 buckets"},
		{"too many cells", many[:64], MaxBuckets, "exceeds"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewTrainer(tt.labels, tt.buckets)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.True(t, strings.HasPrefix(err.Error(), "nb: "), err.Error())
		})
	}
	_, err := NewTrainer([]string{"سمسرة", "other"}, MaxBuckets)
	assert.NoError(t, err)
}

func TestAddRejectsAndCountsNothing(t *testing.T) {
	tr, err := NewTrainer([]string{"a", "b"}, 8)
	require.NoError(t, err)
	require.NoError(t, tr.Add(0, []uint32{1, 2}))
	for _, tt := range []struct {
		label int
		feats []uint32
		want  string
	}{
		{-1, nil, "label -1 out of range [0,2)"},
		{2, nil, "label 2 out of range [0,2)"},
		{1, []uint32{3, 8}, "feature id 8 out of range [0,8)"},
	} {
		err := tr.Add(tt.label, tt.feats)
		require.Error(t, err)
		assert.Contains(t, err.Error(), tt.want)
	}
	assert.Equal(t, []uint64{1, 0}, tr.NumDocs())
	assert.Equal(t, 2, tr.NumFeatures(), "the good feature 3 of the bad document was not counted")
}

// The tiny example, by hand, with α = 1:
//
//	spam: {0, 1}, {0}    ham: {2, 1}     V = 3 distinct buckets
//	priors: spam 2/3, ham 1/3
//	N_spam = 3, N_ham = 2; denominators 3+3 = 6 and 2+3 = 5
//	θ_spam = 3/6, 2/6, 1/6   θ_ham = 1/5, 2/5, 2/5   (buckets 0, 1, 2)
func TestHandComputed(t *testing.T) {
	tr, err := NewTrainer([]string{"spam", "ham"}, 8)
	require.NoError(t, err)
	require.NoError(t, tr.Add(0, []uint32{0, 1}))
	require.NoError(t, tr.Add(0, []uint32{0}))
	require.NoError(t, tr.Add(1, []uint32{2, 1}))
	m := build(t, tr, ModelOptions{Alpha: 1})

	assert.Equal(t, 3, m.VocabSize())
	prior := m.LogScores(nil, nil)
	assert.InDelta(t, math.Log(2.0/3), prior[0], 1e-12)
	assert.InDelta(t, math.Log(1.0/3), prior[1], 1e-12)

	// Bucket 5 is in range but unseen, 99 is out of range: both add nothing.
	got := m.LogScores([]uint32{0, 1, 5, 99}, nil)
	want := []float64{
		math.Log(2.0/3) + math.Log(3.0/6) + math.Log(2.0/6),
		math.Log(1.0/3) + math.Log(1.0/5) + math.Log(2.0/5),
	}
	assert.InDeltaSlice(t, want, got, 1e-6) // log-likelihoods are float32

	p := m.Probabilities(got, nil)
	e0, e1 := math.Exp(want[0]), math.Exp(want[1])
	assert.InDeltaSlice(t, []float64{e0 / (e0 + e1), e1 / (e0 + e1)}, p, 1e-6)

	assert.InDelta(t, math.Log(3.0/6)-math.Log(1.0/5), m.Weight(0, 0), 1e-6)
	assert.InDelta(t, math.Log(2.0/5)-math.Log(1.0/6), m.Weight(2, 1), 1e-6)
}

func TestComplementHandComputed(t *testing.T) {
	// Three labels, α = 1, V = 2.
	//   a: {0, 0}   b: {1}   c: {0, 1}
	// complement of a: counts b+c = (1, 2), total 3 → θ̃_a(0) = (1+1)/(3+2)
	tr, err := NewTrainer([]string{"a", "b", "c"}, 4)
	require.NoError(t, err)
	require.NoError(t, tr.Add(0, []uint32{0, 0}))
	require.NoError(t, tr.Add(1, []uint32{1}))
	require.NoError(t, tr.Add(2, []uint32{0, 1}))
	m := build(t, tr, ModelOptions{Alpha: 1, Complement: true})
	got := m.LogScores([]uint32{0}, nil)
	// complement of b: a+c = (3, 1), total 4 → θ̃_b(0) = 4/6; of c: a+b = (2, 1) → 3/5
	want := []float64{
		math.Log(1.0/3) - math.Log(2.0/5),
		math.Log(1.0/3) - math.Log(4.0/6),
		math.Log(1.0/3) - math.Log(3.0/5),
	}
	assert.InDeltaSlice(t, want, got, 1e-6)
	assert.True(t, m.Complement())
}

// With two labels the complement of one is the other, so Complement NB
// must give the same probabilities as plain multinomial NB.
func TestComplementTwoLabelsEqualsMultinomial(t *testing.T) {
	tr, err := NewTrainer([]string{"a", "b"}, 1<<12)
	require.NoError(t, err)
	for _, d := range corpus(300, 1<<12, 7) {
		require.NoError(t, tr.Add(d.label%2, d.feats))
	}
	plain := build(t, tr, ModelOptions{})
	comp := build(t, tr, ModelOptions{Complement: true})
	for _, d := range corpus(50, 1<<12, 8) {
		p1 := plain.Probabilities(plain.LogScores(d.feats, nil), nil)
		p2 := comp.Probabilities(comp.LogScores(d.feats, nil), nil)
		assert.InDeltaSlice(t, p1, p2, 1e-4)
	}
}

func TestBinaryCountsOncePerDocument(t *testing.T) {
	bin := train(t, []doc{{0, []uint32{3, 3, 3, 1}}, {1, []uint32{1, 1}}}, 8, Binary())
	once := train(t, []doc{{0, []uint32{3, 1}}, {1, []uint32{1}}}, 8)
	mb, mo := build(t, bin, ModelOptions{}), build(t, once, ModelOptions{})
	assert.True(t, mb.Binary())
	assert.Equal(t, mo.LogScores([]uint32{3, 1}, nil), mb.LogScores([]uint32{3, 1}, nil))
}

func TestMergeEqualsTrainingOnAll(t *testing.T) {
	docs := corpus(1000, 1<<16, 1)
	for _, opts := range [][]TrainerOption{nil, {Binary()}} {
		all := train(t, docs, 1<<16, opts...)
		a := train(t, docs[:400], 1<<16, opts...)
		b := train(t, docs[400:], 1<<16, opts...)
		require.NoError(t, b.Merge(a)) // the other order than training: still the same
		mo := ModelOptions{Alpha: 0.3, Meta: map[string]string{"k": "v"}}
		assert.Equal(t, encode(t, build(t, all, mo)), encode(t, build(t, b, mo)))
	}
}

func TestMergeThroughFiles(t *testing.T) {
	docs := corpus(600, 1<<14, 2)
	want := encode(t, build(t, train(t, docs, 1<<14), ModelOptions{}))
	half := func(d []doc) *Trainer {
		m, err := ReadModel(strings.NewReader(string(encode(t, build(t, train(t, d, 1<<14), ModelOptions{})))))
		require.NoError(t, err)
		return m.Trainer()
	}
	tr := half(docs[:300])
	require.NoError(t, tr.Merge(half(docs[300:])))
	assert.Equal(t, want, encode(t, build(t, tr, ModelOptions{})))
}

func TestMergeErrors(t *testing.T) {
	base, _ := NewTrainer([]string{"a", "b"}, 8)
	require.NoError(t, base.Add(0, []uint32{1}))
	other := func(labels []string, buckets uint32, opts ...TrainerOption) *Trainer {
		tr, err := NewTrainer(labels, buckets, opts...)
		require.NoError(t, err)
		require.NoError(t, tr.Add(0, []uint32{2}))
		return tr
	}
	for name, tt := range map[string]struct {
		other *Trainer
		want  string
	}{
		"labels":       {other([]string{"b", "a"}, 8), "labels"},
		"more labels":  {other([]string{"a", "b", "c"}, 8), "labels"},
		"buckets":      {other([]string{"a", "b"}, 16), "16 buckets differ from 8"},
		"binary":       {other([]string{"a", "b"}, 8, Binary()), "binary"},
		"doc overflow": {func() *Trainer { o := other([]string{"a", "b"}, 8); o.docs[0] = math.MaxUint64; return o }(), "overflow"},
	} {
		t.Run(name, func(t *testing.T) {
			err := base.Merge(tt.other)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.Equal(t, []uint64{1, 0}, base.NumDocs(), "unchanged on error")
			assert.Equal(t, 1, base.NumFeatures())
		})
	}
	require.NoError(t, base.Merge(base), "merging with itself doubles")
	assert.Equal(t, []uint64{2, 0}, base.NumDocs())
}

func TestDeterministicWhateverTheOrder(t *testing.T) {
	docs := corpus(500, 1<<15, 3)
	rev := make([]doc, len(docs))
	for i, d := range docs {
		rev[len(docs)-1-i] = d
	}
	a := encode(t, build(t, train(t, docs, 1<<15), ModelOptions{Meta: map[string]string{"z": "1", "a": "2", "m": "3"}}))
	b := encode(t, build(t, train(t, rev, 1<<15), ModelOptions{Meta: map[string]string{"m": "3", "a": "2", "z": "1"}}))
	assert.Equal(t, a, b)
}

func TestLongDocumentsDoNotCollapse(t *testing.T) {
	m := build(t, train(t, corpus(2000, 1<<16, 4), 1<<16), ModelOptions{})
	rng := splitMix64{5}
	for label := range testLabels {
		feats := make([]uint32, 100_000)
		for i := range feats {
			if i%4 == 0 { // a quarter of the words tell, the rest is noise
				feats[i] = uint32(label*200) + uint32(rng.below(200))
			} else {
				feats[i] = uint32(rng.below(1 << 16))
			}
		}
		scores := m.LogScores(feats, nil)
		p := m.Probabilities(scores, nil)
		var sum float64
		for _, x := range p {
			require.False(t, math.IsNaN(x))
			sum += x
		}
		assert.InDelta(t, 1, sum, 1e-12)
		assert.Greater(t, p[label], 0.999, "scores %v", scores)
		assert.Less(t, scores[label], -1e5, "the scores themselves are far below exp's range")
	}
}

func TestProbabilitiesEdgeCases(t *testing.T) {
	inf := math.Inf(1)
	nan := math.NaN()
	tests := []struct {
		name   string
		scores []float64
		want   []float64
	}{
		{"empty", nil, []float64{}},
		{"one", []float64{-1e300}, []float64{1}},
		{"equal huge negative", []float64{-1e300, -1e300}, []float64{0.5, 0.5}},
		{"far apart", []float64{-1e6, -1e6 - 800}, []float64{1, 0}},
		{"all -Inf", []float64{-inf, -inf}, []float64{0.5, 0.5}},
		{"some -Inf", []float64{-inf, -3}, []float64{0, 1}},
		{"NaN", []float64{nan, -3, -3}, []float64{0, 0.5, 0.5}},
		{"all NaN", []float64{nan, nan}, []float64{0.5, 0.5}},
		{"+Inf", []float64{inf, 3, inf}, []float64{0.5, 0, 0.5}},
	}
	var m *Model // Probabilities does not need a model's tables
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := m.Probabilities(tt.scores, nil)
			assert.InDeltaSlice(t, tt.want, got, 1e-12)
		})
	}
	// Appends after what dst holds.
	got := m.Probabilities([]float64{0, 0}, []float64{7})
	assert.Equal(t, []float64{7, 0.5, 0.5}, got)
}

func TestWeight(t *testing.T) {
	tr, _ := NewTrainer([]string{"a", "b", "c"}, 8)
	require.NoError(t, tr.Add(0, []uint32{1, 1, 1, 2}))
	require.NoError(t, tr.Add(1, []uint32{2, 3}))
	require.NoError(t, tr.Add(2, []uint32{3}))
	m := build(t, tr, ModelOptions{})
	assert.Greater(t, m.Weight(1, 0), 0.0)
	assert.Less(t, m.Weight(1, 1), 0.0)
	for _, tt := range []struct {
		feat  uint32
		label int
	}{{0, 0}, {7, 1}, {8, 0}, {1, -1}, {1, 3}} {
		assert.Zero(t, m.Weight(tt.feat, tt.label), "%+v", tt)
	}
	one, _ := NewTrainer([]string{"only"}, 8)
	require.NoError(t, one.Add(0, []uint32{1}))
	assert.Zero(t, build(t, one, ModelOptions{}).Weight(1, 0))
}

func TestLabelWithoutDocuments(t *testing.T) {
	tr, _ := NewTrainer([]string{"a", "b", "never"}, 8)
	require.NoError(t, tr.Add(0, []uint32{1}))
	require.NoError(t, tr.Add(1, []uint32{2}))
	m := build(t, tr, ModelOptions{})
	s := m.LogScores([]uint32{1, 2, 3}, nil)
	assert.True(t, math.IsInf(s[2], -1))
	p := m.Probabilities(s, nil)
	assert.Equal(t, 0.0, p[2])
	assert.InDelta(t, 1, p[0]+p[1], 1e-12)
}

func TestModelOptionErrors(t *testing.T) {
	tr, _ := NewTrainer([]string{"a", "b"}, 8)
	_, err := tr.Model(ModelOptions{})
	assert.ErrorContains(t, err, "no training documents")
	require.NoError(t, tr.Add(0, []uint32{1}))
	for _, tt := range []struct {
		opts ModelOptions
		want string
	}{
		{ModelOptions{Alpha: -1}, "alpha -1"},
		{ModelOptions{Alpha: math.NaN()}, "alpha NaN"},
		{ModelOptions{Alpha: math.Inf(1)}, "alpha +Inf"},
		{ModelOptions{Thresholds: []float64{0.5}}, "1 thresholds for 2 labels"},
		{ModelOptions{Thresholds: []float64{0.5, math.NaN()}}, `threshold NaN for label "b"`},
		{ModelOptions{Meta: map[string]string{"k": "\xc0"}}, "not valid UTF-8"},
	} {
		_, err := tr.Model(tt.opts)
		assert.ErrorContains(t, err, tt.want)
	}
}

func TestAccessorsReturnCopies(t *testing.T) {
	tr, _ := NewTrainer([]string{"a", "b"}, 8)
	require.NoError(t, tr.Add(0, []uint32{1}))
	meta := map[string]string{"normalizer": "v1"}
	m := build(t, tr, ModelOptions{Thresholds: []float64{0.5, 0.7}, Meta: meta})
	meta["normalizer"] = "changed"
	m.Labels()[0] = "x"
	m.Thresholds()[0] = 9
	m.Meta()["normalizer"] = "x"
	assert.Equal(t, []string{"a", "b"}, m.Labels())
	assert.Equal(t, []float64{0.5, 0.7}, m.Thresholds())
	assert.Equal(t, map[string]string{"normalizer": "v1"}, m.Meta())
	assert.Equal(t, uint32(8), m.NumBuckets())
	assert.Equal(t, DefaultAlpha, m.Alpha())

	m2, err := m.WithThresholds([]float64{0.1, 0.2})
	require.NoError(t, err)
	assert.Equal(t, []float64{0.1, 0.2}, m2.Thresholds())
	assert.Equal(t, []float64{0.5, 0.7}, m.Thresholds(), "the original is unchanged")
	_, err = m.WithThresholds([]float64{math.Inf(1), 0})
	assert.ErrorContains(t, err, "not finite")

	// Training on after Model does not change the Model.
	before := m.LogScores([]uint32{1}, nil)
	require.NoError(t, tr.Add(1, []uint32{1, 1, 1}))
	assert.Equal(t, before, m.LogScores([]uint32{1}, nil))
}

func TestScoringAllocatesNothing(t *testing.T) {
	m := build(t, train(t, corpus(500, 1<<14, 6), 1<<14), ModelOptions{})
	feats := corpus(1, 1<<14, 9)[0].feats
	scores := make([]float64, 0, len(testLabels))
	probs := make([]float64, 0, len(testLabels))
	allocs := testing.AllocsPerRun(100, func() {
		scores = m.LogScores(feats, scores[:0])
		probs = m.Probabilities(scores, probs[:0])
		_ = m.Weight(feats[0], 0)
	})
	assert.Zero(t, allocs)
}

func TestConcurrentScoring(t *testing.T) {
	m := build(t, train(t, corpus(500, 1<<14, 10), 1<<14), ModelOptions{})
	docs := corpus(200, 1<<14, 11)
	want := make([][]float64, len(docs))
	for i, d := range docs {
		want[i] = m.Probabilities(m.LogScores(d.feats, nil), nil)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			var s, p []float64
			for i, d := range docs {
				s = m.LogScores(d.feats, s[:0])
				p = m.Probabilities(s, p[:0])
				if !assert.Equal(t, want[i], p) {
					return
				}
			}
		})
	}
	wg.Wait()
}
