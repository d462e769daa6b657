package lexicon

import (
	"io/fs"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzParse(f *testing.F) {
	names, _ := fs.Glob(DefaultFS(), "*.tsv")
	for _, name := range names {
		data, _ := fs.ReadFile(DefaultFS(), name)
		f.Add(string(data[:min(len(data), 2000)]))
	}
	f.Add("term\tweight\tflags\tnote\n\xff\t1\t\tx\n")
	f.Fuzz(func(t *testing.T, data string) {
		lex, err := Parse(strings.NewReader(data), "fuzz.tsv")
		if err == nil && lex == nil {
			t.Fatal("nil lexicon without an error")
		}
		if err != nil {
			return
		}
		for _, e := range lex.Entries() {
			if e.Norm == "" || e.Weight < MinWeight || e.Weight > MaxWeight || !utf8.ValidString(e.Term) {
				t.Fatalf("bad entry accepted: %+v", e)
			}
		}
		_, _ = Format(strings.NewReader(data), "fuzz.tsv")
	})
}

func FuzzMatch(f *testing.F) {
	for _, s := range []string{"والمهربين طريق مضمون لالمانيا", "#تهريب_لالمانيا mohareb 7dood", "ﻣﻬﺮﺏ\xff\x00", "فيزا سياحية"} {
		f.Add(s)
	}
	lex := Default()
	f.Fuzz(func(t *testing.T, text string) {
		prevEnd := 0
		for _, h := range lex.Match(text) {
			if h.Start < prevEnd || h.End < h.Start || h.End > len(text) {
				t.Fatalf("hit %+v out of order or bounds (previous end %d, text %d bytes): %+q", h, prevEnd, len(text), text)
			}
			prevEnd = h.End
		}
	})
}
