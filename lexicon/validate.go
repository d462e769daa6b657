package lexicon

import (
	"bufio"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"

	"github.com/ghurbal/ghurbal/normalize"
)

// OverlapsHeader is the first line of overlaps.tsv.
const OverlapsHeader = "term\tcategories\treason"

// crossCheck finds the problems that involve more than one entry: a
// duplicate after normalization inside a category, and one term in two
// categories unless overlaps allows exactly those categories.
func crossCheck(entries []Entry, overlaps map[string][]string, categories []string) Errors {
	var errs Errors
	type seen struct {
		e   *Entry
		cat map[string]*Entry
	}
	byNorm := map[string]*seen{}
	for i := range entries {
		e := &entries[i]
		if e.Norm == "" {
			continue
		}
		s, ok := byNorm[e.Norm]
		if !ok {
			byNorm[e.Norm] = &seen{e: e, cat: map[string]*Entry{e.Category: e}}
			continue
		}
		if first, dup := s.cat[e.Category]; dup {
			errs = append(errs, &Error{File: e.File, Line: e.Line, Term: e.Term,
				Msg: fmt.Sprintf("duplicate after normalization (%q) of %s:%d %q", e.Norm, first.File, first.Line, first.Term)})
			continue
		}
		s.cat[e.Category] = e
		allowed := overlaps[e.Norm]
		if !slices.Contains(allowed, e.Category) || !slices.Contains(allowed, s.e.Category) {
			errs = append(errs, &Error{File: e.File, Line: e.Line, Term: e.Term,
				Msg: fmt.Sprintf("also in category %s (%s:%d %q); list it in %s if it truly belongs to both",
					s.e.Category, s.e.File, s.e.Line, s.e.Term, OverlapsFile)})
		}
	}
	for norm, cats := range overlaps {
		for _, c := range cats {
			if categories != nil && !slices.Contains(categories, c) {
				errs = append(errs, &Error{File: OverlapsFile, Term: norm, Msg: fmt.Sprintf("unknown category %q", c)})
			}
		}
	}
	return errs
}

// parseOverlaps reads overlaps.tsv: term, comma-separated categories, and
// the reason the term belongs to each.
func parseOverlaps(r io.Reader, name string, n *normalize.Normalizer) (map[string][]string, Errors) {
	out := map[string][]string{}
	var errs Errors
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, maxLineBytes), maxLineBytes)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if line == 1 {
			if text != OverlapsHeader {
				errs = append(errs, &Error{File: name, Line: 1, Msg: fmt.Sprintf("header must be %q", OverlapsHeader)})
			}
			continue
		}
		cells := strings.Split(text, "\t")
		if len(cells) != 3 || cells[0] == "" || cells[2] == "" {
			errs = append(errs, &Error{File: name, Line: line, Msg: "want term, categories and a reason, tab-separated"})
			continue
		}
		cats := strings.Split(cells[1], ",")
		if len(cats) < 2 {
			errs = append(errs, &Error{File: name, Line: line, Term: cells[0], Msg: "an overlap names at least two categories"})
		}
		norm := normalizeTerm(n, cells[0])
		if _, dup := out[norm]; dup {
			errs = append(errs, &Error{File: name, Line: line, Term: cells[0], Msg: "listed twice"})
		}
		out[norm] = cats
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, &Error{File: name, Msg: err.Error()})
	}
	return out, errs
}

// Validate checks every file of a lexicon directory in fsys and returns
// every problem, each with its file and line: bad UTF-8, a byte-order mark,
// carriage returns, stray white space, invisible characters, a term empty
// after normalization, duplicates after normalization, one term in two
// categories not listed in overlaps.tsv, a category not in categories
// (when categories is not nil), a weight out of range, an unknown flag.
func Validate(fsys fs.FS, dir string, categories []string) Errors {
	_, errs := readFS(fsys, dir, categories)
	return errs
}
