package lexicon

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ghurbal/ghurbal/normalize"
)

// Flags modify how an entry matches.
type Flags uint8

// The entry flags, written comma-separated in the flags column.
const (
	// NoStem protects the term from suffix stripping and stemming: place
	// names and brands (Snowball turns بيلاروسيا into يلاروسي). Proclitics
	// (و ب ل ال …) are still stripped: بالمانيا matches المانيا.
	NoStem Flags = 1 << iota
	// Arabizi marks a Latin-script Arabic term (mohareb, 7dood).
	Arabizi
	// English marks an English term, matched through the English stemmer
	// (smugglers matches smuggler).
	English
)

var flagNames = []struct {
	f    Flags
	name string
}{{NoStem, "nostem"}, {Arabizi, "arabizi"}, {English, "en"}}

// String returns the flags as written in a data file.
func (f Flags) String() string {
	var parts []string
	for _, n := range flagNames {
		if f&n.f != 0 {
			parts = append(parts, n.name)
		}
	}
	return strings.Join(parts, ",")
}

// Weight bounds: how strongly one term alone indicates its category.
const (
	MinWeight = 0.1
	MaxWeight = 3.0
)

// Header is the first line of every data file.
const Header = "term\tweight\tflags\tnote"

// Entry is one line of a lexicon file.
type Entry struct {
	Category string  // the file's name without .tsv: smuggler, visa, …
	Term     string  // as written in the file
	Norm     string  // the term normalized like posts are
	Weight   float64 // in [MinWeight, MaxWeight]
	Flags    Flags
	Note     string
	File     string // where it was read, for messages
	Line     int
}

// Error is a problem with one line of a lexicon file.
type Error struct {
	File string
	Line int // 0 when the problem is the file as a whole
	Term string
	Msg  string
}

func (e *Error) Error() string {
	loc := e.File
	if e.Line > 0 {
		loc += ":" + strconv.Itoa(e.Line)
	}
	if e.Term != "" {
		return fmt.Sprintf("%s: %q: %s", loc, e.Term, e.Msg)
	}
	return loc + ": " + e.Msg
}

// Errors lists every problem found; its Error method joins them one a line.
type Errors []*Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// CategoryOf returns the category a file name stands for: its base name
// without the .tsv extension.
func CategoryOf(name string) string {
	return strings.TrimSuffix(path.Base(strings.ReplaceAll(name, "\\", "/")), ".tsv")
}

// maxLineBytes bounds one line of a data file; longer lines are an error.
const maxLineBytes = 4096

// parseEntries reads one data file, returning its entries and every
// problem of a single line (cross-entry checks are in validate.go).
func parseEntries(r io.Reader, name string, n *normalize.Normalizer) ([]Entry, Errors) {
	category := CategoryOf(name)
	var entries []Entry
	var errs Errors
	bad := func(line int, term, format string, args ...any) {
		errs = append(errs, &Error{File: name, Line: line, Term: term, Msg: fmt.Sprintf(format, args...)})
	}
	br := bufio.NewReader(r)
	for line := 1; ; line++ {
		raw, err := br.ReadSlice('\n')
		if err == bufio.ErrBufferFull || len(raw) > maxLineBytes {
			bad(line, "", "line longer than %d bytes", maxLineBytes)
			for err == bufio.ErrBufferFull {
				_, err = br.ReadSlice('\n')
			}
			if err != nil {
				break
			}
			continue
		}
		if err != nil && err != io.EOF {
			errs = append(errs, &Error{File: name, Msg: err.Error()})
			break
		}
		if len(raw) == 0 && err == io.EOF {
			if line == 1 {
				bad(0, "", "empty file: the first line must be the header %q", Header)
			}
			break
		}
		text := string(bytes.TrimSuffix(raw, []byte("\n")))
		if err == io.EOF {
			bad(line, "", "no newline at the end of the file")
		}
		switch {
		case !utf8.ValidString(text):
			bad(line, "", "not valid UTF-8")
		case strings.HasPrefix(text, "\uFEFF"):
			bad(line, "", "byte-order mark")
		case strings.Contains(text, "\r"):
			bad(line, "", "carriage return (use \\n line ends)")
		case line == 1:
			if text != Header {
				bad(line, "", "header must be %q", Header)
			}
		default:
			if e, ok := parseLine(text, name, line, category, n, bad); ok {
				entries = append(entries, e)
			}
		}
		if err == io.EOF {
			break
		}
	}
	return entries, errs
}

// parseLine parses one entry line, reporting its problems through bad.
func parseLine(text, name string, line int, category string, n *normalize.Normalizer,
	bad func(line int, term, format string, args ...any)) (Entry, bool) {
	cells := strings.Split(text, "\t")
	if len(cells) != 4 {
		bad(line, "", "want 4 tab-separated columns (term, weight, flags, note), got %d", len(cells))
		return Entry{}, false
	}
	e := Entry{Category: category, Term: cells[0], Note: cells[3], File: name, Line: line}
	ok := true
	for i, c := range cells {
		if c != strings.TrimSpace(c) || strings.Contains(c, "  ") {
			bad(line, e.Term, "stray white space in column %d", i+1)
			ok = false
		}
		if r, found := invisible(c); found {
			bad(line, e.Term, "invisible character %U in column %d", r, i+1)
			ok = false
		}
	}
	if e.Term == "" {
		bad(line, "", "empty term")
		return e, false
	}
	w, err := strconv.ParseFloat(cells[1], 64)
	if err != nil || w < MinWeight || w > MaxWeight || w != w {
		bad(line, e.Term, "weight %q is not a number in [%g, %g]", cells[1], MinWeight, MaxWeight)
		ok = false
	}
	e.Weight = w
	if cells[2] != "" {
		for _, f := range strings.Split(cells[2], ",") {
			known := false
			for _, fn := range flagNames {
				if f == fn.name {
					e.Flags |= fn.f
					known = true
				}
			}
			if !known {
				bad(line, e.Term, "unknown flag %q (known: nostem, arabizi, en)", f)
				ok = false
			}
		}
	}
	if e.Note == "" {
		bad(line, e.Term, "empty note: say what the term means and where it is used")
		ok = false
	}
	e.Norm = normalizeTerm(n, e.Term)
	if e.Norm == "" {
		bad(line, e.Term, "term is empty after normalization")
		ok = false
	}
	return e, ok
}

// normalizeTerm normalizes a term like a post and joins its words with
// single spaces, the way the matcher sees them.
func normalizeTerm(n *normalize.Normalizer, term string) string {
	norm := n.String(term)
	var b strings.Builder
	for tok := range normalize.Tokens(norm) {
		if tok.Kind == normalize.KindPunct {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(tok.Text)
	}
	return b.String()
}

// invisible reports the first character a reviewer could not see.
func invisible(s string) (rune, bool) {
	for _, r := range s {
		if r == '\uFFFD' {
			continue
		}
		if unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Cc, r) || unicode.Is(unicode.Mn, r) && !normalize.IsArabicLetter(r) && !isArabicMark(r) ||
			r != ' ' && unicode.IsSpace(r) {
			return r, true
		}
	}
	return 0, false
}

// isArabicMark reports tashkeel and Quranic marks, which a reviewer sees.
func isArabicMark(r rune) bool {
	return r >= 0x064B && r <= 0x065F || r == 0x0670 || r >= 0x06D6 && r <= 0x06ED
}
