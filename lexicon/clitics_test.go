package lexicon

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestCliticTables checks the compiled clitic tables against the plain
// definitions on random words over the clitic letters, other Arabic
// letters and runes of every UTF-8 length.
func TestCliticTables(t *testing.T) {
	pieces := []string{"و", "ف", "ب", "ك", "ل", "ا", "ت", "ه", "م", "ن", "ي", "ر", "ع", "ة", "\u064e",
		"a", "7", "é", "\u08f0", "😀", "ڤ", "ۀ"}
	words := slices.Concat(proclitics, suffixes, []string{""})
	r := rand.New(rand.NewPCG(3, 4))
	for range 100000 {
		var b strings.Builder
		for range r.IntN(9) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		words = append(words, b.String())
	}
	for _, w := range words {
		var procs, sufs uint32
		for i, p := range proclitics {
			if strings.HasPrefix(w, p) {
				procs |= 1 << i
			}
		}
		for i, s := range suffixes {
			if strings.HasSuffix(w, s) {
				sufs |= 1 << i
			}
		}
		if got := procliticsOf(w); got != procs {
			t.Fatalf("procliticsOf(%q) = %b, want %b", w, got, procs)
		}
		if got := suffixesOf(w); got != sufs {
			t.Fatalf("suffixesOf(%q) = %b, want %b", w, got, sufs)
		}
		if got, want := isSuffix(w), slices.Contains(suffixes, w); got != want {
			t.Fatalf("isSuffix(%q) = %v", w, got)
		}
		if got, want := letterCount(w), utf8.RuneCountInString(w); got != want {
			t.Fatalf("letterCount(%q) = %d, want %d", w, got, want)
		}
	}
	for _, c := range []struct {
		list []string
		info []clitic
	}{{proclitics, clitics.proc}, {suffixes, clitics.suf}} {
		for i, s := range c.list {
			if c.info[i] != (clitic{len(s), utf8.RuneCountInString(s)}) {
				t.Fatalf("clitic %q: %+v", s, c.info[i])
			}
		}
	}
}
