package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ghurbal/ghurbal/classify"
	"github.com/stretchr/testify/require"
)

func writeLines(t *testing.T, name string, examples []classify.Example) string {
	var b strings.Builder
	for _, e := range examples {
		line, _ := json.Marshal(e)
		b.Write(append(line, '\n'))
	}
	path := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o644))
	return path
}

// A small two-label set with no "other" label: any label set works.
var sentiment = []classify.Example{
	{Text: "الفيلم رائع جدا والتمثيل ممتاز", Label: "pos"}, {Text: "خدمة ممتازة وسريعة شكرا", Label: "pos"},
	{Text: "احببت المطعم والاكل لذيذ", Label: "pos"}, {Text: "تجربة جميلة انصح بها", Label: "pos"},
	{Text: "منتج رائع وسعر ممتاز", Label: "pos"}, {Text: "فريق رائع ولعب جميل", Label: "pos"},
	{Text: "الفيلم سيء وممل جدا", Label: "neg"}, {Text: "خدمة سيئة وبطيئة", Label: "neg"},
	{Text: "كرهت المطعم والاكل بارد", Label: "neg"}, {Text: "تجربة فاشلة لا انصح بها", Label: "neg"},
	{Text: "منتج سيء وسعر غالي", Label: "neg"}, {Text: "فريق فاشل ولعب ممل", Label: "neg"},
}

func TestTrainWritesAModelTriageAccepts(t *testing.T) {
	in := writeLines(t, "train.jsonl", sentiment)
	test := writeLines(t, "test.jsonl", sentiment[:4])
	out := filepath.Join(t.TempDir(), "m.nb")
	report := filepath.Join(t.TempDir(), "report.json")
	var stdout, stderr bytes.Buffer
	code := run([]string{"-in", in, "-test", test, "-out", out, "-folds", "3", "-report-json", report}, &stdout, &stderr)
	require.Equal(t, 0, code, stderr.String())
	require.Contains(t, stdout.String(), "3-fold cross-validation")
	require.Contains(t, stdout.String(), "test set")
	f, err := os.Open(out)
	require.NoError(t, err)
	defer f.Close()
	m, err := classify.ReadModel(f)
	require.NoError(t, err)
	require.Equal(t, []string{"neg", "pos"}, m.Labels())
	c, err := classify.New(m, nil)
	require.NoError(t, err)
	require.Equal(t, "pos", c.Classify("مطعم رائع والخدمة ممتازة").Label)
	var rep map[string]any
	data, err := os.ReadFile(report)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &rep))
	require.Contains(t, rep, "cv")
	require.Contains(t, rep, "test")
}

func TestTrainErrors(t *testing.T) {
	var stdout, stderr bytes.Buffer
	require.Equal(t, 2, run(nil, &stdout, &stderr))
	require.Equal(t, 2, run([]string{"-in", "x", "extra"}, &stdout, &stderr))
	bad := filepath.Join(t.TempDir(), "bad.jsonl")
	os.WriteFile(bad, []byte("{\"text\":\"a\",\"label\":\"x\"}\n{not json\n"), 0o644)
	stderr.Reset()
	require.Equal(t, 1, run([]string{"-in", bad}, &stdout, &stderr))
	require.Contains(t, stderr.String(), "bad.jsonl:2")
	nolabel := filepath.Join(t.TempDir(), "nolabel.jsonl")
	os.WriteFile(nolabel, []byte("{\"text\":\"a\"}\n"), 0o644)
	stderr.Reset()
	require.Equal(t, 1, run([]string{"-in", nolabel}, &stdout, &stderr))
	require.Contains(t, stderr.String(), "nolabel.jsonl:1")
	one := writeLines(t, "one.jsonl", sentiment[:3])
	stderr.Reset()
	require.Equal(t, 1, run([]string{"-in", one, "-folds", "0"}, &stdout, &stderr))
	require.Contains(t, stderr.String(), "two labels")
}

func TestTune(t *testing.T) {
	if testing.Short() {
		t.Skip("trains many models")
	}
	in := writeLines(t, "train.jsonl", sentiment)
	report := filepath.Join(t.TempDir(), "report.json")
	var stdout, stderr bytes.Buffer
	require.Equal(t, 0, run([]string{"-in", in, "-tune", "-folds", "3", "-buckets", "4096", "-report-json", report}, &stdout, &stderr), stderr.String())
	require.Contains(t, stdout.String(), "best:")

	data, err := os.ReadFile(report)
	require.NoError(t, err)
	var rep struct {
		Posts int
		Folds int
		Tune  []tuneRow
		Best  tuneRow
	}
	require.NoError(t, json.Unmarshal(data, &rep))
	require.Equal(t, len(sentiment), rep.Posts)
	require.Equal(t, 3, rep.Folds)
	require.Len(t, rep.Tune, 40)
	require.Equal(t, rep.Tune[0], rep.Best)
	for i, r := range rep.Tune {
		require.Contains(t, stdout.String(), fmt.Sprintf("%-44s macro-F1 %.4f  accuracy %.4f\n", r.Name, r.MacroF1, r.Accuracy))
		if i > 0 {
			require.LessOrEqual(t, r.MacroF1, rep.Tune[i-1].MacroF1, "best first")
		}
	}
	require.Contains(t, stdout.String(), fmt.Sprintf("best: %s  macro-F1 %.4f", rep.Best.Name, rep.Best.MacroF1))
}

// Progress goes to stderr only, and only when asked for or on a terminal:
// stdout is the same whatever -progress says.
func TestProgressOnlyOnStderr(t *testing.T) {
	in := writeLines(t, "train.jsonl", sentiment)
	args := []string{"-in", in, "-folds", "3"}
	var quietOut, quietErr bytes.Buffer
	require.Equal(t, 0, run(args, &quietOut, &quietErr))
	require.Empty(t, quietErr.String(), "stderr is no terminal: no progress")

	var out, errOut bytes.Buffer
	require.Equal(t, 0, run(append(args, "-progress", "always"), &out, &errOut), errOut.String())
	require.Equal(t, quietOut.String(), out.String())
	require.NotContains(t, out.String(), "\r")
	progress := errOut.String()
	require.Regexp(t, `\rreading train\.jsonl: 12 posts, \d+ posts/s, 100%, took 0s *\n`, progress)
	require.Regexp(t, `\rtraining: fold 1/3, 0%, 0s so far`, progress)
	require.Regexp(t, `\rtraining: 48 posts, \d+ posts/s, 100%, took \ds *\n`, progress)
	require.True(t, strings.HasSuffix(progress, "\n"), "%q", progress)

	out.Reset()
	errOut.Reset()
	require.Equal(t, 0, run(append(args, "-progress", "always", "-quiet"), &out, &errOut))
	require.Empty(t, out.String())
	require.Empty(t, errOut.String(), "-quiet silences progress")

	require.Equal(t, 2, run(append(args, "-progress", "sometimes"), &out, &errOut))
	require.Contains(t, errOut.String(), `-progress "sometimes": want auto, always or never`)
}

// -report-json holds everything the printed report does, and what a
// script needs to find the run again.
func TestReportJSON(t *testing.T) {
	// With an "other" label, the decisions at the thresholds are reported
	// too.
	var examples []classify.Example
	for _, e := range sentiment {
		if e.Label == "neg" {
			e.Label = "other"
		}
		examples = append(examples, e)
	}
	in := writeLines(t, "train.jsonl", examples)
	test := writeLines(t, "test.jsonl", examples[4:8])
	out := filepath.Join(t.TempDir(), "m.nb")
	reportFile := filepath.Join(t.TempDir(), "report.json")
	var stdout, stderr bytes.Buffer
	require.Equal(t, 0, run([]string{"-in", in, "-test", test, "-out", out, "-folds", "3", "-seed", "7", "-report-json", reportFile}, &stdout, &stderr), stderr.String())

	data, err := os.ReadFile(reportFile)
	require.NoError(t, err)
	var keys map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(data, &keys))
	var got []string
	for k := range keys {
		got = append(got, k)
	}
	require.ElementsMatch(t, []string{
		"input", "posts", "labels", "settings", "folds", "seed", "target_precision",
		"cv", "cv_decisions", "thresholds", "threshold_precision", "threshold_recall",
		"temperature", "bias", "bias_fraction", "test_input", "test", "model_file",
	}, got)

	var rep struct {
		Input              string            `json:"input"`
		Posts              int               `json:"posts"`
		Labels             []string          `json:"labels"`
		Settings           classify.Settings `json:"settings"`
		Folds              int               `json:"folds"`
		Seed               uint64            `json:"seed"`
		TargetPrecision    float64           `json:"target_precision"`
		CV                 classify.Report   `json:"cv"`
		CVDecisions        classify.Report   `json:"cv_decisions"`
		Thresholds         []float64         `json:"thresholds"`
		ThresholdPrecision []float64         `json:"threshold_precision"`
		ThresholdRecall    []float64         `json:"threshold_recall"`
		Temperature        float64           `json:"temperature"`
		Bias               []float64         `json:"bias"`
		BiasFraction       float64           `json:"bias_fraction"`
		TestInput          string            `json:"test_input"`
		Test               classify.Report   `json:"test"`
		ModelFile          string            `json:"model_file"`
	}
	require.NoError(t, json.Unmarshal(data, &rep))
	require.Equal(t, in, rep.Input)
	require.Equal(t, test, rep.TestInput)
	require.Equal(t, out, rep.ModelFile)
	require.Equal(t, len(examples), rep.Posts)
	require.Equal(t, 3, rep.Folds)
	require.Equal(t, uint64(7), rep.Seed)
	require.Equal(t, 0.95, rep.TargetPrecision)
	require.Equal(t, []string{"other", "pos"}, rep.Labels)
	require.Equal(t, "other", rep.Settings.Negative)
	require.Equal(t, classify.DefaultSettings().Buckets, rep.Settings.Buckets)
	require.Equal(t, len(examples), rep.CV.N)
	require.Equal(t, len(examples), rep.CVDecisions.N)
	require.Equal(t, 4, rep.Test.N)
	for _, v := range [][]float64{rep.Thresholds, rep.ThresholdPrecision, rep.ThresholdRecall, rep.Bias} {
		require.Len(t, v, 2)
	}
	require.Positive(t, rep.Temperature)
	// The JSON says what stdout says.
	require.Contains(t, stdout.String(), fmt.Sprintf("macro-F1 %.3f  accuracy %.3f  n %d", rep.CV.MacroF1, rep.CV.Accuracy, rep.CV.N))
	require.Contains(t, stdout.String(), fmt.Sprintf("macro-F1 %.3f  accuracy %.3f  n %d", rep.Test.MacroF1, rep.Test.Accuracy, rep.Test.N))
	require.Contains(t, stdout.String(), fmt.Sprintf("  pos          %.3f  (%.3f / %.3f)", rep.Thresholds[1], rep.ThresholdPrecision[1], rep.ThresholdRecall[1]))
}

func TestTestFileLabelsMustBeTrained(t *testing.T) {
	in := writeLines(t, "train.jsonl", sentiment)
	test := writeLines(t, "test.jsonl", []classify.Example{sentiment[0], {Text: "نص", Label: "neutral"}})
	var stdout, stderr bytes.Buffer
	require.Equal(t, 1, run([]string{"-in", in, "-test", test, "-folds", "0"}, &stdout, &stderr))
	require.Contains(t, stderr.String(), test+`:2: label "neutral" is not one of the trained labels ["neg" "pos"]`)
}
