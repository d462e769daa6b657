package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// triage runs the command on input and returns its output lines, parsed.
func triage(t *testing.T, input string, args ...string) ([]map[string]any, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(input), &out, &errOut)
	var objs []map[string]any
	sc := bufio.NewScanner(&out)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var m map[string]any
		require.NoError(t, json.Unmarshal(sc.Bytes(), &m), "output line is not JSON: %q", sc.Text())
		objs = append(objs, m)
	}
	return objs, errOut.String(), code
}

func TestOneObjectPerLineInOrder(t *testing.T) {
	input := "{\"id\":\"p1\",\"text\":\"عدنا طريق مضمون لالمانيا واتساب +375290001234 السعر 3500$\"}\n" +
		"فيزا بيلاروسيا مع حجز فندق\r\n" +
		"\n" +
		"   {\"id\": 7, \"text\": \"الجو حلو اليوم\"}\n" +
		"last line without newline"
	objs, _, code := triage(t, input)
	require.Equal(t, 0, code)
	require.Len(t, objs, 5)
	for i, o := range objs {
		require.EqualValues(t, i+1, o["line"])
	}
	require.Equal(t, "p1", objs[0]["id"])
	require.Equal(t, "smuggling", objs[0]["label"])
	require.Equal(t, true, objs[0]["flagged"])
	require.NotContains(t, objs[1], "id")
	require.Equal(t, "empty", objs[2]["code"])
	require.EqualValues(t, 7, objs[3]["id"])
	// Every array is present, possibly empty.
	for _, i := range []int{0, 1, 3, 4} {
		o := objs[i]
		require.Contains(t, o, "hits")
		require.IsType(t, []any{}, o["hits"])
		sig := o["signals"].(map[string]any)
		for _, k := range []string{"phones", "prices", "handles", "urls", "locations"} {
			require.IsType(t, []any{}, sig[k], k)
		}
		scores := o["scores"].(map[string]any)
		require.Len(t, scores, 4)
		require.NotContains(t, o, "explain")
	}
	phones := objs[0]["signals"].(map[string]any)["phones"].([]any)
	require.Equal(t, "+375290001234", phones[0].(map[string]any)["e164"])
}

func TestHitOffsetsAreIntoTheDecodedText(t *testing.T) {
	text := "عدنا مُهرّب لالمانيا"
	line, _ := json.Marshal(map[string]string{"text": text})
	objs, _, _ := triage(t, string(line)+"\n")
	hits := objs[0]["hits"].([]any)
	require.NotEmpty(t, hits)
	for _, h := range hits {
		m := h.(map[string]any)
		s, e := int(m["start"].(float64)), int(m["end"].(float64))
		require.True(t, 0 <= s && s < e && e <= len(text))
		require.Contains(t, []string{"مُهرّب", "المانيا"}, text[s:e])
	}
}

func TestErrorLines(t *testing.T) {
	input := strings.Join([]string{
		`{"id":"a","text":`,             // bad JSON
		`{"id":"b","body":"x"}`,         // no text
		`{"id":"c","text":5}`,           // text not a string
		"bad \xff utf8",                 // invalid UTF-8
		`{"id":"d","text":"   "}`,       // empty text
		`{"text":"ok"} trailing`,        // data after the object
		`   `,                           // blank line
		`{"id":{"n":[1,2]},"text":"x"}`, // any JSON id
	}, "\n") + "\n"
	objs, _, code := triage(t, input)
	require.Equal(t, 0, code, "bad lines do not change the exit status")
	want := []struct{ code, id any }{
		{"bad_json", nil}, {"no_text", "b"}, {"no_text", "c"}, {"invalid_utf8", nil},
		{"empty", "d"}, {"bad_json", nil}, {"empty", nil}, {nil, map[string]any{"n": []any{1.0, 2.0}}},
	}
	require.Len(t, objs, len(want))
	for i, w := range want {
		require.Equal(t, w.code, objs[i]["code"], "line %d: %v", i+1, objs[i])
		require.Equal(t, w.id, objs[i]["id"], "line %d", i+1)
		if w.code != nil {
			require.NotEmpty(t, objs[i]["error"])
			require.NotContains(t, objs[i], "label")
		}
	}
}

func TestTooLongLineIsReadThrough(t *testing.T) {
	long := strings.Repeat("م", 5<<20/2) // 5 MB
	objs, _, code := triage(t, "قبل\n"+long+"\nبعد\n")
	require.Equal(t, 0, code)
	require.Len(t, objs, 3)
	require.Equal(t, "too_long", objs[1]["code"])
	require.EqualValues(t, 2, objs[1]["line"])
	require.EqualValues(t, 3, objs[2]["line"])
	require.NotContains(t, objs[2], "code")
	objs, _, _ = triage(t, "12345678901\n1234567890\n", "-max-line", "10")
	require.Equal(t, "too_long", objs[0]["code"])
	require.NotContains(t, objs[1], "code")
}

func TestWorkersKeepInputOrder(t *testing.T) {
	var b strings.Builder
	sample, err := os.ReadFile("sample.jsonl")
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(string(sample)), "\n")
	for i := range 400 {
		var post map[string]any
		require.NoError(t, json.Unmarshal([]byte(lines[i%len(lines)]), &post))
		post["id"] = fmt.Sprintf("%d-%s", i, post["id"])
		line, _ := json.Marshal(post)
		fmt.Fprintf(&b, "%s\n", line)
	}
	seq, _, _ := triage(t, b.String())
	par, _, code := triage(t, b.String(), "-workers", "8")
	require.Equal(t, 0, code)
	require.Equal(t, seq, par)
	for i, o := range par {
		require.EqualValues(t, i+1, o["line"])
		require.True(t, strings.HasPrefix(o["id"].(string), fmt.Sprintf("%d-", i)))
	}
}

func TestExplain(t *testing.T) {
	objs, _, _ := triage(t, "عدنا طريق مضمون لالمانيا واتساب\n", "-explain")
	ex := objs[0]["explain"].([]any)
	require.NotEmpty(t, ex)
	first := ex[0].(map[string]any)
	require.Contains(t, first, "feature")
	require.Equal(t, objs[0]["label"], first["label"])
}

func TestSampleIsClassifiedAsLabelled(t *testing.T) {
	data, err := os.ReadFile("sample.jsonl")
	require.NoError(t, err)
	labels, err := os.ReadFile("sample_labels.jsonl")
	require.NoError(t, err)
	objs, _, code := triage(t, string(data), "sample.jsonl")
	_ = objs
	require.Equal(t, 0, code)
	objs, _, _ = triage(t, "", "sample.jsonl")
	want := map[string]string{}
	for _, l := range strings.Split(strings.TrimSpace(string(labels)), "\n") {
		var v struct{ ID, Label string }
		require.NoError(t, json.Unmarshal([]byte(l), &v))
		want[v.ID] = v.Label
	}
	right := 0
	for _, o := range objs {
		if want[o["id"].(string)] == o["label"] {
			right++
		} else {
			t.Logf("sample %s: %s, labelled %s", o["id"], o["label"], want[o["id"].(string)])
		}
	}
	require.GreaterOrEqual(t, float64(right)/float64(len(objs)), 0.8)
}

func TestTextFormat(t *testing.T) {
	var out, errOut bytes.Buffer
	code := run([]string{"-format", "text", "-explain"}, strings.NewReader("عدنا مهرب لالمانيا 3500$\nالجو حلو\n{bad\n"), &out, &errOut)
	require.Equal(t, 0, code)
	s := out.String()
	require.Contains(t, s, "[[مهرب]]")
	require.Contains(t, s, "SMUGGLING")
	require.Contains(t, s, "summary: 3 lines")
	require.Contains(t, s, "error bad_json")
	require.NotContains(t, s, "\x1b[", "no colour when not on a terminal")
}

func TestExitStatuses(t *testing.T) {
	_, errOut, code := triage(t, "", "-format", "xml")
	require.Equal(t, 2, code, errOut)
	_, _, code = triage(t, "", "-workers", "0")
	require.Equal(t, 2, code)
	_, errOut, code = triage(t, "", filepath.Join(t.TempDir(), "missing.jsonl"))
	require.Equal(t, 1, code)
	require.Contains(t, errOut, "missing.jsonl")
	bad := filepath.Join(t.TempDir(), "bad.nb")
	os.WriteFile(bad, []byte("not a model"), 0o644)
	_, errOut, code = triage(t, "x\n", "-model", bad)
	require.Equal(t, 1, code)
	require.Contains(t, errOut, "bad.nb")
	_, _, code = triage(t, "x\n", "-lexicon", t.TempDir())
	require.Equal(t, 1, code)
}

func TestOwnModelAndLexicon(t *testing.T) {
	dir := t.TempDir()
	model := filepath.Join(dir, "m.nb")
	f, err := os.Create(model)
	require.NoError(t, err)
	// The embedded model written out and read back through -model.
	_, err = classifyDefaultModel().WriteTo(f)
	require.NoError(t, err)
	f.Close()
	objs, errOut, code := triage(t, "عدنا مهرب لالمانيا\n", "-model", model, "-lexicon", "../../lexicon/data")
	require.Equal(t, 0, code, errOut)
	require.Equal(t, "smuggling", objs[0]["label"])
}
