package main

import (
	"bytes"
	"encoding/json"
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
	var stdout, stderr bytes.Buffer
	require.Equal(t, 0, run([]string{"-in", in, "-tune", "-folds", "3", "-buckets", "4096"}, &stdout, &stderr), stderr.String())
	require.Contains(t, stdout.String(), "best:")
}
