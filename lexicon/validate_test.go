package lexicon

import (
	"bytes"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"
)

// TestValidatorFindsEveryBadEntry runs the validator on fixtures with one
// known problem a line and checks each is reported with its file and line.
func TestValidatorFindsEveryBadEntry(t *testing.T) {
	errs := Validate(os.DirFS("testdata/bad"), ".", DefaultCategories)
	var got []string
	for _, e := range errs {
		got = append(got, e.Error())
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		"crossing.tsv:1: byte-order mark",
		"smuggler.tsv:3: \"مُهَرِّب\": duplicate after normalization",
		"smuggler.tsv:4: \"  تهريب\": stray white space",
		"smuggler.tsv:5: \"مه\\u200cرب2\": invisible character U+200C",
		"smuggler.tsv:6: \"قارب\": weight \"9.0\" is not a number",
		"smuggler.tsv:7: \"قارب2\": weight \"abc\"",
		"smuggler.tsv:8: \"سفينة\": unknown flag \"foo\"",
		"smuggler.tsv:9: \"بلم\": empty note",
		"smuggler.tsv:10: \"ـــ\": term is empty after normalization",
		"smuggler.tsv:11: want 4 tab-separated columns",
		"smuggler.tsv:12: \"حدود\": also in category crossing",
		"smuggler.tsv:13: carriage return",
		"smuggler.tsv:14: not valid UTF-8",
		"weather.tsv: unknown category \"weather\"",
	} {
		require.Contains(t, all, want)
	}
	t.Logf("%d problems:\n%s", len(errs), all)
}

func TestParseReportsErrorsWithFileAndLine(t *testing.T) {
	_, err := Parse(strings.NewReader("term\tweight\tflags\tnote\nمهرب\t7\t\tx\n"), "data/smuggler.tsv")
	var errs Errors
	require.ErrorAs(t, err, &errs)
	require.Equal(t, "data/smuggler.tsv", errs[0].File)
	require.Equal(t, 2, errs[0].Line)
	_, err = Parse(strings.NewReader(""), "empty.tsv")
	require.ErrorContains(t, err, "empty file")
	_, err = Parse(strings.NewReader("term\tweight\tflags\tnote\nمهرب\t1\t\tx"), "x.tsv")
	require.ErrorContains(t, err, "no newline at the end")
	_, err = Parse(strings.NewReader("term\tweight\tflags\tnote\n"+strings.Repeat("ا", 5000)+"\t1\t\tx\n"), "long.tsv")
	require.ErrorContains(t, err, "line longer than")
}

func TestOverlapsAllowTwoCategories(t *testing.T) {
	fsys := fstestMap(map[string]string{
		"smuggler.tsv": Header + "\nحدود\t1.0\t\tborder\n",
		"crossing.tsv": Header + "\nحدود\t1.0\t\tborder\n",
		"overlaps.tsv": OverlapsHeader + "\nحدود\tsmuggler,crossing\tboth\n",
	})
	require.Empty(t, Validate(fsys, ".", DefaultCategories))
	fsys["overlaps.tsv"] = &fstest.MapFile{Data: []byte(OverlapsHeader + "\nحدود\tsmuggler\tone only\n")}
	require.NotEmpty(t, Validate(fsys, ".", DefaultCategories))
}

// TestDefaultData validates the embedded lexicon: every bad entry is listed
// with file:line, and each category has its minimum size.
func TestDefaultData(t *testing.T) {
	errs := Validate(DefaultFS(), ".", DefaultCategories)
	for _, e := range errs {
		t.Error("lexicon/data/" + e.Error())
	}
	counts := map[string]int{}
	for _, e := range Default().Entries() {
		counts[e.Category]++
	}
	minimum := map[string]int{"smuggler": 80, "visa": 60, "crossing": 80, "place": 80, "contact": 30, "money": 30, "reporting": 40}
	for c, n := range minimum {
		require.GreaterOrEqual(t, counts[c], n, "category %s", c)
	}
	t.Logf("entries per category: %v", counts)
}

// TestDefaultDataIsFormatted fails when the formatter would change a data
// file: run `go run ./lexicon/cmd/lexicon fmt -w` to fix.
func TestDefaultDataIsFormatted(t *testing.T) {
	names, err := fs.Glob(DefaultFS(), "*.tsv")
	require.NoError(t, err)
	for _, name := range names {
		if name == OverlapsFile {
			continue
		}
		old, err := fs.ReadFile(DefaultFS(), name)
		require.NoError(t, err)
		tidy, err := Format(bytes.NewReader(old), name)
		require.NoError(t, err)
		if !bytes.Equal(old, tidy) {
			t.Errorf("lexicon/data/%s is not formatted: run go run ./lexicon/cmd/lexicon fmt -w", name)
		}
	}
}

func TestFormat(t *testing.T) {
	in := "\uFEFFterm\tweight\tflags\tnote\r\nمهرب\t3\t\tsmuggler \r\n  تهريب\t2.50\t\tsmuggling\r\nفيزا\t1.5\ten,nostem\tvisa\r\n"
	out, err := Format(strings.NewReader(in), "smuggler.tsv")
	require.NoError(t, err)
	require.Equal(t, Header+"\nتهريب\t2.5\t\tsmuggling\nفيزا\t1.5\tnostem,en\tvisa\nمهرب\t3.0\t\tsmuggler\n", string(out))
	again, err := Format(bytes.NewReader(out), "smuggler.tsv")
	require.NoError(t, err)
	require.Equal(t, string(out), string(again))
	_, err = Format(strings.NewReader(Header+"\nمهرب\n"), "x.tsv")
	require.Error(t, err)
}
