package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/ghurbal/ghurbal/classify"
)

// maxBadLines is how many bad lines an input error lists; the rest are
// counted, so one run shows what to fix without drowning the terminal.
const maxBadLines = 10

// maxLine is the longest line read.
const maxLine = 64 << 20

// lineError is a bad line of a training or test file.
type lineError struct {
	file string
	line int
	msg  string
}

func (e lineError) Error() string { return fmt.Sprintf("%s:%d: %s", e.file, e.line, e.msg) }

// badLinesError lists the first bad lines of a file, one a line, and
// counts the others.
type badLinesError struct {
	lines []lineError
	more  int
}

func (e *badLinesError) Error() string {
	var b strings.Builder
	for i, l := range e.lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l.Error())
	}
	if e.more > 0 {
		fmt.Fprintf(&b, "\n… and %d more bad lines", e.more)
	}
	return b.String()
}

func (e *badLinesError) add(le lineError) {
	if len(e.lines) < maxBadLines {
		e.lines = append(e.lines, le)
	} else {
		e.more++
	}
}

// readExamples reads labelled JSON lines, one post a line, drawing its
// progress on prog. Every line must be an object with a non-empty string
// "text" and "label" (other fields are ignored), so the i-th example is
// the i-th line; a bad line (blank, invalid UTF-8, not such an object) is
// an error naming the file and line, and all of the file's bad lines are
// reported together.
func readExamples(name string, prog *progress) ([]classify.Example, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var size int64
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
		size = fi.Size()
	}
	r := &countingReader{r: f}
	prog.begin("reading "+filepath.Base(name), status{total: size})
	defer prog.end()

	var out []classify.Example
	var bad badLinesError
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), maxLine)
	line := 0
	for sc.Scan() {
		line++
		b := sc.Bytes()
		if line == 1 {
			b = bytes.TrimPrefix(b, []byte("\uFEFF")) // a byte-order mark some editors write
		}
		e, msg := parseExample(b)
		if msg != "" {
			bad.add(lineError{name, line, msg})
		} else {
			out = append(out, e)
		}
		prog.update(status{posts: len(out), done: r.n, total: size})
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			err = fmt.Errorf("line longer than %d MiB", maxLine>>20)
		}
		bad.add(lineError{name, line + 1, err.Error()})
	}
	if len(bad.lines) > 0 {
		return nil, &bad
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no labelled posts", name)
	}
	return out, nil
}

// parseExample decodes one line, or says what is wrong with it.
func parseExample(line []byte) (classify.Example, string) {
	if len(bytes.TrimSpace(line)) == 0 {
		return classify.Example{}, `empty line (want {"text": …, "label": …})`
	}
	if !utf8.Valid(line) {
		at := 0
		for at < len(line) {
			r, size := utf8.DecodeRune(line[at:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			at += size
		}
		return classify.Example{}, fmt.Sprintf("invalid UTF-8 at byte %d", at+1)
	}
	var rec struct {
		Text  *string `json:"text"`
		Label *string `json:"label"`
	}
	if err := json.Unmarshal(line, &rec); err != nil {
		var syntax *json.SyntaxError
		var typ *json.UnmarshalTypeError
		switch {
		case errors.As(err, &syntax):
			return classify.Example{}, fmt.Sprintf("bad JSON at byte %d: %v", syntax.Offset, err)
		case errors.As(err, &typ) && typ.Field != "":
			return classify.Example{}, fmt.Sprintf("bad JSON: %q is %s, not a string", typ.Field, typ.Value)
		case errors.As(err, &typ):
			return classify.Example{}, fmt.Sprintf(`bad JSON: %s, not an object {"text": …, "label": …}`, typ.Value)
		}
		return classify.Example{}, "bad JSON: " + err.Error()
	}
	switch {
	case rec.Text == nil:
		return classify.Example{}, `no "text"`
	case strings.TrimSpace(*rec.Text) == "":
		return classify.Example{}, `empty "text"`
	case rec.Label == nil:
		return classify.Example{}, `no "label"`
	case *rec.Label == "":
		return classify.Example{}, `empty "label"`
	}
	return classify.Example{Text: *rec.Text, Label: *rec.Label}, ""
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
