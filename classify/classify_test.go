package classify

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"runtime/debug"
	"strings"
	"sync"
	"testing"

	"github.com/ghurbal/ghurbal/internal/nb"
	"github.com/ghurbal/ghurbal/lexicon"
	"github.com/stretchr/testify/require"
)

// tiny is a small training set the tests can reason about.
var tiny = []Example{
	{"مهرب لالمانيا طريق مضمون السعر 3000 دولار واتساب", "smuggling"},
	{"عدنا مهرب ثقة توصيل لالمانيا الدفع بعد الوصول", "smuggling"},
	{"ابحث عن مهرب من مينسك الى المانيا", "smuggling"},
	{"فيزا بيلاروسيا سياحية مع حجز فندق", "visa"},
	{"مكتب سفريات فيزا روسيا دعوة رسمية", "visa"},
	{"بكم الفيزا البيلاروسية هسه", "visa"},
	{"الغابة باردة والسياج عالي والجيش البولندي يرجع الناس", "crossing"},
	{"منو عبر الحدود البارحة وين نقطة التجمع", "crossing"},
	{"لوكيشن النقطة بعد السياج نمشي بالليل", "crossing"},
	{"اعلن حرس الحدود القبض على مهربين", "other"},
	{"الجو حلو اليوم في بغداد", "other"},
	{"مبروك للمنتخب الفوز", "other"},
	{"سيارة للبيع موديل 2015 نظيفة", "other"},
}

func tinySettings() Settings {
	s := DefaultSettings()
	s.Buckets = 1 << 12
	return s
}

func trainTiny(t testing.TB) *Classifier {
	t.Helper()
	tr, err := NewTrainer(Labels(tiny), nil, tinySettings())
	require.NoError(t, err)
	for _, e := range tiny {
		require.NoError(t, tr.Add(e.Text, e.Label))
	}
	m, err := tr.Model()
	require.NoError(t, err)
	c, err := New(m, nil)
	require.NoError(t, err)
	return c
}

func TestClassifyTiny(t *testing.T) {
	c := trainTiny(t)
	cases := []struct{ text, want string }{
		{"مهرب الى المانيا السعر 2500 دولار", "smuggling"},
		{"فيزا بيلاروسيا مع فندق", "visa"},
		{"نقطة التجمع بعد السياج في الغابة", "crossing"},
		{"مبروك الفوز", "other"},
	}
	for _, cs := range cases {
		r := c.Classify(cs.text)
		require.Equal(t, cs.want, r.Label, "%+q: %v", cs.text, r.Scores)
		sum := 0.0
		for _, p := range r.Scores {
			require.False(t, math.IsNaN(p))
			sum += p
		}
		require.InDelta(t, 1, sum, 1e-9)
		require.NotEmpty(t, r.Explain)
		require.Equal(t, cs.want, r.Explain[0].Label)
		for i := 1; i < len(r.Explain); i++ {
			require.GreaterOrEqual(t, r.Explain[i-1].Weight, r.Explain[i].Weight)
		}
	}
}

func TestFlaggingUsesThresholds(t *testing.T) {
	c := trainTiny(t)
	r := c.Classify("مهرب الى المانيا السعر 2500 دولار")
	require.Equal(t, "smuggling", r.Top)
	require.True(t, r.Flagged)
	// A threshold above any probability turns the decision to other.
	th := make([]float64, len(c.labels))
	for i := range th {
		th[i] = 1.5
	}
	m, err := c.model.WithThresholds(th)
	require.NoError(t, err)
	strict, err := New(m, nil)
	require.NoError(t, err)
	r = strict.Classify("مهرب الى المانيا السعر 2500 دولار")
	require.Equal(t, "smuggling", r.Top)
	require.False(t, r.Flagged)
	require.Equal(t, "other", r.Label)
	require.Equal(t, 1.5, r.Threshold)
	// Other is never flagged.
	r = c.Classify("مبروك الفوز")
	require.False(t, r.Flagged)
}

func TestClassifyNeverPanics(t *testing.T) {
	c := trainTiny(t)
	for _, s := range []string{"", "\x00\xff\xfe", strings.Repeat("ه", 100000), strings.Repeat("\u064e", 10000), "🔥🔥🔥", "\u202Eمهرب"} {
		r := c.Classify(s)
		require.Contains(t, c.labels, r.Label)
	}
}

func TestClassifyIntoDoesNotAllocate(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts are meaningless under the race detector")
	}
	// Scratch buffers live in a sync.Pool, which a garbage collection
	// empties; with GC off the measurement sees the steady state.
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	c := trainTiny(t)
	text := "عدنا مهرب لالمانيا طريق مضمون السعر 3000$ واتساب +375290001234 t.me/abu_x"
	var r Result
	c.ClassifyInto(&r, text)
	allocs := testing.AllocsPerRun(200, func() { c.ClassifyInto(&r, text) })
	require.Zero(t, allocs)
	require.Equal(t, "smuggling", r.Label)
	require.Empty(t, r.Explain)
	c.ExplainInto(&r, text)
	require.NotEmpty(t, r.Explain)
}

func TestResultReuseKeepsEarlierStrings(t *testing.T) {
	c := trainTiny(t)
	var r Result
	c.ClassifyInto(&r, "مهرب لالمانيا")
	hits := append([]lexicon.Hit(nil), r.Hits...)
	c.ClassifyInto(&r, "فيزا بيلاروسيا")
	require.Equal(t, "مهرب", hits[0].Term)
}

func TestMergeEqualsTrainingOnAll(t *testing.T) {
	s := tinySettings()
	all, _ := NewTrainer(Labels(tiny), nil, s)
	a, _ := NewTrainer(Labels(tiny), nil, s)
	b, _ := NewTrainer(Labels(tiny), nil, s)
	for i, e := range tiny {
		require.NoError(t, all.Add(e.Text, e.Label))
		if i%2 == 0 {
			require.NoError(t, a.Add(e.Text, e.Label))
		} else {
			require.NoError(t, b.Add(e.Text, e.Label))
		}
	}
	require.NoError(t, a.Merge(b))
	ma, _ := a.Model()
	mall, _ := all.Model()
	require.Equal(t, modelBytes(t, mall), modelBytes(t, ma))
	other := s
	other.Alpha = 0.5
	c, _ := NewTrainer(Labels(tiny), nil, other)
	require.Error(t, a.Merge(c))
}

func modelBytes(t testing.TB, m *Model) []byte {
	var buf bytes.Buffer
	_, err := m.WriteTo(&buf)
	require.NoError(t, err)
	return buf.Bytes()
}

func TestTrainerErrors(t *testing.T) {
	tr, err := NewTrainer([]string{"a", "b"}, nil, tinySettings())
	require.ErrorContains(t, err, "negative label")
	require.Nil(t, tr)
	s := tinySettings()
	s.Negative = ""
	tr, err = NewTrainer([]string{"a", "b"}, nil, s)
	require.NoError(t, err)
	require.ErrorContains(t, tr.Add("x", "c"), "unknown label")
	for _, bad := range []func(*Settings){
		func(s *Settings) { s.Buckets = 0 },
		func(s *Settings) { s.CharMin, s.CharMax = 4, 2 },
		func(s *Settings) { s.Alpha = 0 },
		func(s *Settings) { s.LexiconWeight = -1 },
		func(s *Settings) { *s = Settings{Buckets: 8, Alpha: 1} },
	} {
		s := tinySettings()
		bad(&s)
		_, err := NewTrainer(Labels(tiny), nil, s)
		require.Error(t, err, "%s", s)
	}
}

func TestModelFileRoundTrip(t *testing.T) {
	c := trainTiny(t)
	data := modelBytes(t, c.model)
	m, err := ReadModel(bytes.NewReader(data))
	require.NoError(t, err)
	require.Equal(t, data, modelBytes(t, m))
	require.Equal(t, c.model.Settings(), m.Settings())
	require.Equal(t, lexicon.Default().Hash(), m.LexiconHash())
	c2, err := New(m, nil)
	require.NoError(t, err)
	for _, e := range tiny {
		require.Equal(t, c.Classify(e.Text).Scores, c2.Classify(e.Text).Scores)
	}
}

func TestReadModelRefusesBadFiles(t *testing.T) {
	data := modelBytes(t, trainTiny(t).model)
	for n := 0; n < len(data); n += max(1, len(data)/200) {
		_, err := ReadModel(bytes.NewReader(data[:n]))
		require.Error(t, err, "truncated at %d", n)
	}
	for i := 0; i < len(data); i += max(1, len(data)/300) {
		bad := bytes.Clone(data)
		bad[i] ^= 0x10
		_, err := ReadModel(bytes.NewReader(bad))
		require.Error(t, err, "bit flipped at %d", i)
	}
	// A core model without ghurbal's metadata.
	tr, _ := nb.NewTrainer([]string{"a", "b"}, 16)
	tr.Add(0, []uint32{1})
	m, _ := tr.Model(nb.ModelOptions{})
	var buf bytes.Buffer
	m.WriteTo(&buf)
	_, err := ReadModel(&buf)
	require.ErrorIs(t, err, ErrNotGhurbalModel)
}

func TestReadModelRefusesOtherNormalizerVersion(t *testing.T) {
	tr, _ := NewTrainer(Labels(tiny), nil, tinySettings())
	for _, e := range tiny {
		tr.Add(e.Text, e.Label)
	}
	m, err := tr.nb.Model(nb.ModelOptions{Meta: map[string]string{
		metaSettings: tinySettings().String(), metaNormalizer: "ghurbal-normalize/0", metaLexicon: "x"}})
	require.NoError(t, err)
	var buf bytes.Buffer
	m.WriteTo(&buf)
	_, err = ReadModel(&buf)
	require.ErrorIs(t, err, ErrNormalizerVersion)
}

func TestNewRefusesOtherLexicon(t *testing.T) {
	c := trainTiny(t)
	other, err := lexicon.Parse(strings.NewReader(lexicon.Header+"\nمهرب\t3.0\t\tsmuggler\n"), "smuggler.tsv")
	require.NoError(t, err)
	_, err = New(c.model, other)
	require.ErrorIs(t, err, ErrLexiconMismatch)
	_, err = New(c.model, other, AllowLexiconMismatch())
	require.NoError(t, err)
	_, err = New(nil, nil)
	require.Error(t, err)
}

func TestConcurrentClassifyMatchesSequential(t *testing.T) {
	c := Default()
	texts := readExamples(t, "../corpus/holdout.jsonl")
	want := make([]Result, len(texts))
	for i, e := range texts {
		want[i] = c.Classify(e.Text)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := range 64 {
		wg.Go(func() {
			var r Result
			for k := range 40 {
				i := (g*37 + k) % len(texts)
				c.ExplainInto(&r, texts[i].Text)
				if r.Label != want[i].Label || !sameScores(r.Scores, want[i].Scores) || len(r.Hits) != len(want[i].Hits) ||
					len(r.Explain) != len(want[i].Explain) || len(r.Explain) > 0 && r.Explain[0] != want[i].Explain[0] {
					errs <- texts[i].Text
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Errorf("concurrent result differs for %+q", e)
	}
}

func sameScores(a, b map[string]float64) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestClassifyAllStopsOnCancel(t *testing.T) {
	c := trainTiny(t)
	texts := make([]string, 10000)
	for i := range texts {
		texts[i] = tiny[i%len(tiny)].Text
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := c.ClassifyAll(ctx, texts)
	require.ErrorIs(t, err, context.Canceled)
	out, err := c.ClassifyAll(context.Background(), texts[:50])
	require.NoError(t, err)
	for i, r := range out {
		require.Equal(t, c.Classify(texts[i]).Label, r.Label)
	}
}

func readExamples(t testing.TB, name string) []Example {
	out, err := loadExamples(name)
	if os.IsNotExist(err) {
		t.Skipf("%s: %v", name, err)
	}
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func loadExamples(name string) ([]Example, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Example
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var e Example
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, sc.Err()
}

// TestDefaultModelIsFresh fails when the embedded model differs from what
// `go generate ./classify` builds from corpus/posts.jsonl.
func TestDefaultModelIsFresh(t *testing.T) {
	if testing.Short() {
		t.Skip("trains six models")
	}
	m, _, err := Train(readExamples(t, "../corpus/posts.jsonl"), lexicon.Default(), DefaultTrainConfig())
	require.NoError(t, err)
	if !bytes.Equal(modelBytes(t, m), defaultModel) {
		t.Fatal("classify/default.nb is stale: run go generate ./classify")
	}
}

// TestHoldout scores the default classifier on the holdout, which nothing
// was trained or tuned on: macro-F1 at least 0.90 and every positive
// label's precision at least 0.90.
func TestHoldout(t *testing.T) {
	rep, err := Evaluate(Default(), readExamples(t, "../corpus/holdout.jsonl"))
	require.NoError(t, err)
	t.Logf("holdout:\n%s", rep)
	require.GreaterOrEqual(t, rep.MacroF1, 0.90)
	for _, l := range rep.Labels {
		if l.Label != "other" {
			require.GreaterOrEqual(t, l.Precision, 0.90, "precision of %s", l.Label)
		}
	}
}

// TestRealTweetsAreOther checks false positives on real Arabic tweets about
// other things (../shared/datasets, skipped when absent): at least 99%
// labelled other.
func TestRealTweetsAreOther(t *testing.T) {
	c := Default()
	for _, name := range []string{"../../shared/datasets/ajgt/ajgt.jsonl", "../../shared/datasets/astd/astd.jsonl"} {
		tweets := readExamples(t, name)
		other := 0
		var r Result
		for _, e := range tweets {
			c.ClassifyInto(&r, e.Text)
			if r.Label == "other" {
				other++
			}
		}
		share := float64(other) / float64(len(tweets))
		t.Logf("%s: %d tweets, %.4f labelled other", name, len(tweets), share)
		require.GreaterOrEqual(t, share, 0.99, name)
	}
}

func TestDefaultModelLoads(t *testing.T) {
	c := Default()
	require.Equal(t, []string{"crossing", "other", "smuggling", "visa"}, c.Labels())
	require.Greater(t, c.Model().Temperature(), 1.0)
	require.Len(t, c.Model().Thresholds(), 4)
	require.NotNil(t, c.Lexicon())
	_, err := ReadModel(bytes.NewReader(DefaultModelBytes()))
	require.NoError(t, err)
	require.True(t, errors.Is(ErrLexiconMismatch, ErrLexiconMismatch))
}

func TestLoad(t *testing.T) {
	c, err := Load("", "")
	require.NoError(t, err)
	require.Same(t, Default(), c)
	dir := t.TempDir()
	model := dir + "/m.nb"
	require.NoError(t, os.WriteFile(model, DefaultModelBytes(), 0o644))
	c, err = Load(model, "../lexicon/data")
	require.NoError(t, err)
	require.Equal(t, Default().Classify("مهرب لالمانيا").Scores, c.Classify("مهرب لالمانيا").Scores)
	_, err = Load(dir+"/missing.nb", "")
	require.Error(t, err)
	require.NoError(t, os.WriteFile(dir+"/bad.nb", []byte("nope"), 0o644))
	_, err = Load(dir+"/bad.nb", "")
	require.ErrorContains(t, err, "bad.nb")
	_, err = Load("", dir)
	require.Error(t, err)
}

// TestGenericTrainerOnRealTweets trains with the default configuration on
// real labelled tweets (../shared/datasets, skipped when absent), on the
// splits of the anchors, and checks the figures scikit-learn's
// MultinomialNB and fastText reach there: AJGT accuracy 0.875; ASTD
// accuracy 0.68 and macro-F1 0.31.
func TestGenericTrainerOnRealTweets(t *testing.T) {
	if raceEnabled {
		t.Skip("a quality measure on one goroutine: the plain run checks it, the race detector would only multiply its time")
	}
	if testing.Short() {
		t.Skip("trains two models with cross-validation")
	}
	for _, tc := range []struct {
		name          string
		train         []string
		test          string
		accuracy, mf1 float64
	}{
		{"AJGT", []string{"ajgt/ajgt.train.jsonl"}, "ajgt/ajgt.test.jsonl", 0.875, 0},
		{"ASTD", []string{"astd/astd.train.jsonl", "astd/astd.validation.jsonl"}, "astd/astd.test.jsonl", 0.68, 0.31},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var train []Example
			for _, name := range tc.train {
				train = append(train, readExamples(t, "../../shared/datasets/"+name)...)
			}
			test := readExamples(t, "../../shared/datasets/"+tc.test)
			cfg := DefaultTrainConfig()
			cfg.Settings.Negative = "" // as examples/train does for label sets without "other"
			cfg.Arabizi = false        // as examples/train does unless asked
			m, cv, err := Train(train, lexicon.Default(), cfg)
			require.NoError(t, err)
			c, err := New(m, lexicon.Default())
			require.NoError(t, err)
			rep, err := Evaluate(c, test)
			require.NoError(t, err)
			t.Logf("%s: accuracy %.4f, macro-F1 %.4f (bias fraction %.1f)", tc.name, rep.Accuracy, rep.MacroF1, cv.BiasFraction)
			require.GreaterOrEqual(t, rep.Accuracy, tc.accuracy)
			require.GreaterOrEqual(t, rep.MacroF1, tc.mf1)
		})
	}
}

// TestTrainArabiziCopies checks TrainConfig.Arabizi: a post with a key
// word gets one Arabizi copy, a post without none; the copies never reach
// the held-out side of cross-validation; the model is deterministic.
func TestTrainArabiziCopies(t *testing.T) {
	var posts []Example
	for i := range 12 {
		posts = append(posts,
			Example{Text: fmt.Sprintf("عندي مهرب ثقة على الحدود رقم %d", i), Label: "smuggling"},
			Example{Text: fmt.Sprintf("الجو حلو اليوم في الحديقة مرة %d", i), Label: "other"})
	}
	cfg := DefaultTrainConfig()
	cfg.Folds = 3
	plain, _, err := Train(posts, lexicon.Default(), func() TrainConfig { c := cfg; c.Arabizi = false; return c }())
	require.NoError(t, err)
	m, cv, err := Train(posts, lexicon.Default(), cfg)
	require.NoError(t, err)
	require.Equal(t, []uint64{12, 12}, plain.NumDocs())
	require.Equal(t, []uint64{12, 24}, m.NumDocs(), "other posts have no key word; each smuggling post gets a copy")
	require.Equal(t, len(posts), cv.Report.N, "only the original posts are held out")
	again, _, err := Train(posts, lexicon.Default(), cfg)
	require.NoError(t, err)
	var a, b bytes.Buffer
	_, err = m.WriteTo(&a)
	require.NoError(t, err)
	_, err = again.WriteTo(&b)
	require.NoError(t, err)
	require.Equal(t, a.Bytes(), b.Bytes())
}
