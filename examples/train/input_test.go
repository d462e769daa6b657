package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ghurbal/ghurbal/classify"
	"github.com/stretchr/testify/require"
)

func writeFile(t *testing.T, name, content string) string {
	path := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
	return path
}

// badLines are lines readExamples refuses, with what it says of them.
var badLines = []struct{ line, want string }{
	{`{not json`, `bad JSON at byte 2: invalid character 'n' looking for beginning of object key string`},
	{"{\"text\":\"\xff\xfe\",\"label\":\"pos\"}", "invalid UTF-8 at byte 10"},
	{`{"label":"pos"}`, `no "text"`},
	{`{"text":null,"label":"pos"}`, `no "text"`},
	{`{"text":"نص"}`, `no "label"`},
	{``, `empty line (want {"text": …, "label": …})`},
	{"  \t", `empty line (want {"text": …, "label": …})`},
	{`{"text":"  ","label":"pos"}`, `empty "text"`},
	{`{"text":"نص","label":""}`, `empty "label"`},
	{`{"text":5,"label":"pos"}`, `bad JSON: "text" is number, not a string`},
	{`{"text":"نص","label":["pos"]}`, `bad JSON: "label" is array, not a string`},
	{`["نص","pos"]`, `bad JSON: array, not an object {"text": …, "label": …}`},
	{`{"text":"نص","label":"pos"} {"text":"x"}`, `bad JSON at byte 31: invalid character '{' after top-level value`},
}

// Each bad line is named by file and line.
func TestReadExamplesBadLine(t *testing.T) {
	for _, tc := range badLines {
		t.Run(fmt.Sprintf("%+q", tc.line), func(t *testing.T) {
			path := writeFile(t, "bad.jsonl", `{"text":"نص جيد","label":"pos"}`+"\n"+tc.line+"\n"+`{"text":"آخر","label":"neg"}`+"\n")
			_, err := readExamples(path, nil)
			require.EqualError(t, err, path+":2: "+tc.want)
		})
	}
}

// All of a file's bad lines are listed together, so one run shows what
// to fix.
func TestReadExamplesListsEveryBadLine(t *testing.T) {
	content := "{\"text\":\"نص\",\"label\":\"pos\"}\n" + // 1
		"{\n" + // 2
		"{\"text\":\"نص\",\"label\":\"neg\",\"id\":7}\r\n" + // 3
		"\n" + // 4
		"{\"text\":\"نص\"}\n" // 5
	path := writeFile(t, "bad.jsonl", content)
	_, err := readExamples(path, nil)
	require.Error(t, err)
	require.Equal(t, []string{
		path + ":2: bad JSON at byte 1: unexpected end of JSON input",
		path + `:4: empty line (want {"text": …, "label": …})`,
		path + `:5: no "label"`,
	}, strings.Split(err.Error(), "\n"))
}

func TestReadExamplesCountsWhatItDoesNotList(t *testing.T) {
	path := writeFile(t, "many.jsonl", strings.Repeat("{\n", maxBadLines+3))
	_, err := readExamples(path, nil)
	var bad *badLinesError
	require.True(t, errors.As(err, &bad))
	require.Len(t, bad.lines, maxBadLines)
	require.Equal(t, 3, bad.more)
	require.True(t, strings.HasSuffix(err.Error(), "\n… and 3 more bad lines"), err.Error())
}

func TestReadExamplesGoodFile(t *testing.T) {
	// A byte-order mark, CRLF line ends, other fields and no final newline
	// are all fine.
	path := writeFile(t, "good.jsonl", "\uFEFF{\"text\":\"نص اول\",\"label\":\"a\"}\r\n{\"id\":2,\"text\":\"second\",\"label\":\"b\"}")
	got, err := readExamples(path, nil)
	require.NoError(t, err)
	require.Equal(t, []classify.Example{{Text: "نص اول", Label: "a"}, {Text: "second", Label: "b"}}, got)

	_, err = readExamples(writeFile(t, "empty.jsonl", ""), nil)
	require.ErrorContains(t, err, "empty.jsonl: no labelled posts")
	_, err = readExamples(filepath.Join(t.TempDir(), "missing.jsonl"), nil)
	require.ErrorIs(t, err, os.ErrNotExist)
}
