package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"

	"github.com/ghurbal/ghurbal/classify"
)

// job is one input line on its way to the output.
type job struct {
	line    int
	raw     []byte // the line without its newline (nil when too long)
	tooLong bool
	done    chan struct{}
	res     outcome
	text    []byte // the decoded text, when the JSON string had escapes
}

// outcome is what one line produced: a classification or an error.
type outcome struct {
	id     json.RawMessage
	text   string
	result classify.Result
	code   string // error code, "" for a classification
	msg    string
}

// pipeline reads lines, classifies them and writes them in input order.
//
// With one worker it does all three in turn on the calling goroutine,
// reusing one line buffer and one Result: handing each line to a worker
// goroutine and its outcome to a writer goroutine cost more than
// classifying a tweet. With more workers, lines are classified on worker
// goroutines and written by a writer goroutine; at most window lines are
// in flight, so memory stays bounded on an endless stream.
type pipeline struct {
	clf     *classify.Classifier
	cfg     config
	out     *writer
	line    int
	work    chan *job
	order   chan *job
	wg      sync.WaitGroup
	written chan struct{}
	// The sequential path's job, Result and line buffer, reused.
	seq    job
	seqRes classify.Result
	buf    []byte
}

func newPipeline(clf *classify.Classifier, cfg config, out *writer) *pipeline {
	p := &pipeline{clf: clf, cfg: cfg, out: out}
	if cfg.workers == 1 {
		return p
	}
	window := 4 * cfg.workers
	p.work, p.order, p.written = make(chan *job, window), make(chan *job, window), make(chan struct{})
	for range cfg.workers {
		p.wg.Go(func() {
			var r classify.Result
			for j := range p.work {
				p.process(j, &r, true)
				close(j.done)
			}
		})
	}
	go func() {
		for j := range p.order {
			<-j.done
			out.write(j)
		}
		close(p.written)
	}()
	return p
}

// read feeds every line of r into the pipeline; it returns a read error,
// not a bad line (bad lines are answered in the output).
func (p *pipeline) read(r io.Reader) error {
	br := bufio.NewReaderSize(r, 64<<10)
	for {
		var buf []byte // each job owns its line when workers hold it
		if p.work == nil {
			buf = p.buf[:0] // the sequential path is done with the line before reading the next
		}
		raw, tooLong, err := readLine(br, p.cfg.maxLine, buf)
		if err == io.EOF && raw == nil && !tooLong {
			return nil
		}
		if err != nil && err != io.EOF {
			return err
		}
		p.line++
		if p.work == nil {
			if cap(raw) > cap(p.buf) {
				p.buf = raw[:0]
			}
			p.seq = job{line: p.line, raw: raw, tooLong: tooLong, text: p.seq.text}
			p.process(&p.seq, &p.seqRes, false)
			p.out.write(&p.seq)
		} else {
			j := &job{line: p.line, raw: raw, tooLong: tooLong, done: make(chan struct{})}
			p.order <- j
			p.work <- j
		}
		if err == io.EOF {
			return nil
		}
	}
}

// close waits for every line to be written.
func (p *pipeline) close() {
	if p.work == nil {
		return
	}
	close(p.work)
	p.wg.Wait()
	close(p.order)
	<-p.written
}

// readLine returns the next line without its "\n" (and a trailing "\r"),
// appended to buf[:0] (a nil buf gets a new array). A line longer than max
// is read through and reported as tooLong with no bytes. At the end of
// input it returns io.EOF, with the last line if it had no newline.
func readLine(br *bufio.Reader, max int, buf []byte) (line []byte, tooLong bool, err error) {
	buf = buf[:0]
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(buf)+len(chunk) > max+2 { // room for "\r\n"
				tooLong, buf = true, nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF:
			if len(buf) == 0 && !tooLong {
				return nil, false, io.EOF
			}
		case err != nil:
			return nil, false, err
		}
		buf = bytes.TrimSuffix(buf, []byte("\n"))
		buf = bytes.TrimSuffix(buf, []byte("\r"))
		if !tooLong && len(buf) > max {
			tooLong, buf = true, nil
		}
		if buf == nil && !tooLong {
			buf = []byte{}
		}
		return buf, tooLong, err
	}
}

// The error codes of the contract.
const (
	codeBadJSON     = "bad_json"
	codeNoText      = "no_text"
	codeInvalidUTF8 = "invalid_utf8"
	codeTooLong     = "too_long"
	codeEmpty       = "empty"
)

// process classifies one line into j.res, with r as the Result to
// classify into. With own, j.res gets its own copies of r's slices and map
// (r is reused for the next line before j is written); without, it shares
// them, and must be written before r is reused. The text and the id point
// into j.raw, which lives as long as j.
func (p *pipeline) process(j *job, r *classify.Result, own bool) {
	o := &j.res
	switch {
	case j.tooLong:
		o.code, o.msg = codeTooLong, "line longer than -max-line bytes"
		return
	case !utf8.Valid(j.raw):
		o.code, o.msg = codeInvalidUTF8, "line is not valid UTF-8"
		return
	}
	trimmed := bytes.TrimLeft(j.raw, " \t")
	if len(bytes.TrimSpace(trimmed)) == 0 {
		o.code, o.msg = codeEmpty, "empty line"
		return
	}
	o.text = unsafeString(j.raw)
	if trimmed[0] == '{' {
		var text string
		var id json.RawMessage
		var ok bool
		text, id, j.text, ok = decodeObjectFast(trimmed, j.text)
		if !ok {
			var code, msg string
			text, id, code, msg = decodeObject(trimmed)
			if code != "" {
				o.id, o.code, o.msg = id, code, msg
				return
			}
		}
		o.id, o.text = id, text
		if strings.TrimSpace(text) == "" {
			o.code, o.msg = codeEmpty, "empty text"
			return
		}
	}
	if p.cfg.explain {
		p.clf.ExplainInto(r, o.text)
	} else {
		p.clf.ClassifyInto(r, o.text)
	}
	o.result = *r
	if !own {
		return
	}
	// The Result's slices are reused by the worker's next line: copy them.
	o.result.Hits = append(o.result.Hits[:0:0], r.Hits...)
	o.result.Explain = append(o.result.Explain[:0:0], r.Explain...)
	o.result.Scores = make(map[string]float64, len(r.Scores))
	for k, v := range r.Scores {
		o.result.Scores[k] = v
	}
	s := &o.result.Signals
	s.Phones = append(s.Phones[:0:0], r.Signals.Phones...)
	s.Prices = append(s.Prices[:0:0], r.Signals.Prices...)
	s.Handles = append(s.Handles[:0:0], r.Signals.Handles...)
	s.URLs = append(s.URLs[:0:0], r.Signals.URLs...)
	s.Locations = append(s.Locations[:0:0], r.Signals.Locations...)
}

// unsafeString returns b as a string without copying: b must not change
// while the string is in use.
func unsafeString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// decodeObjectFast decodes the usual object line without encoding/json's
// reflection: one JSON object whose values are strings, numbers, true,
// false or null, with a string "text" (the last, if repeated, as a map
// decode keeps it) and nothing but white space after it. For anything else
// (a nested value, an escaped key, no "text" or a "text" that is not a
// string, any syntax error) it returns false, and decodeObject decodes the
// line as before, with the same answers and error messages. The id and a
// text without escapes are slices of line; a text with escapes is decoded
// into buf, which is returned for reuse.
func decodeObjectFast(line, buf []byte) (text string, id json.RawMessage, _ []byte, ok bool) {
	i := skipJSONSpace(line, 0)
	if i == len(line) || line[i] != '{' {
		return "", nil, buf, false
	}
	var rawText []byte
	for i = skipJSONSpace(line, i+1); ; {
		if i == len(line) || line[i] != '"' {
			return "", nil, buf, false // "{}" too: it has no text
		}
		end, escaped := scanJSONString(line, i)
		if end < 0 || escaped {
			return "", nil, buf, false
		}
		key := line[i+1 : end-1]
		if i = skipJSONSpace(line, end); i == len(line) || line[i] != ':' {
			return "", nil, buf, false
		}
		i = skipJSONSpace(line, i+1)
		if end = scanJSONScalar(line, i); end < 0 {
			return "", nil, buf, false
		}
		switch string(key) {
		case "text":
			rawText = line[i:end]
		case "id":
			id = line[i:end]
		}
		if i = skipJSONSpace(line, end); i == len(line) {
			return "", nil, buf, false
		}
		if line[i] == '}' {
			break
		}
		if line[i] != ',' {
			return "", nil, buf, false
		}
		i = skipJSONSpace(line, i+1)
	}
	if skipJSONSpace(line, i+1) != len(line) || len(rawText) == 0 || rawText[0] != '"' {
		return "", nil, buf, false
	}
	if bytes.IndexByte(rawText, '\\') < 0 {
		return unsafeString(rawText[1 : len(rawText)-1]), id, buf, true
	}
	buf = unescape(buf[:0], rawText[1:len(rawText)-1])
	return unsafeString(buf), id, buf, true
}

// unescape appends to dst the JSON string body s (checked by
// scanJSONString, so its escapes are well formed) with its escapes
// decoded, as encoding/json decodes them: a \u escape of a surrogate
// pair is one rune, and a surrogate escape that is not part of a pair
// becomes U+FFFD.
func unescape(dst, s []byte) []byte {
	for i := 0; i < len(s); {
		if s[i] != '\\' {
			j := i + 1
			for j < len(s) && s[j] != '\\' {
				j++
			}
			dst = append(dst, s[i:j]...)
			i = j
			continue
		}
		switch c := s[i+1]; c {
		case 'b':
			dst = append(dst, '\b')
		case 'f':
			dst = append(dst, '\f')
		case 'n':
			dst = append(dst, '\n')
		case 'r':
			dst = append(dst, '\r')
		case 't':
			dst = append(dst, '\t')
		case 'u':
			r := hex4(s[i+2:])
			i += 6
			if utf16.IsSurrogate(r) {
				r2 := rune(-1)
				if i+6 <= len(s) && s[i] == '\\' && s[i+1] == 'u' {
					r2 = hex4(s[i+2:])
				}
				if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
					i += 6 // a valid pair: consume the second half
					r = d
				} else {
					r = utf8.RuneError
				}
			}
			dst = utf8.AppendRune(dst, r)
			continue
		default: // " \ /
			dst = append(dst, c)
		}
		i += 2
	}
	return dst
}

// hex4 decodes the four hex digits at the start of b (checked by
// scanJSONString).
func hex4(b []byte) rune {
	var r rune
	for _, c := range b[:4] {
		switch {
		case c <= '9':
			c -= '0'
		case c >= 'a':
			c -= 'a' - 10
		default:
			c -= 'A' - 10
		}
		r = r<<4 | rune(c)
	}
	return r
}

// skipJSONSpace returns the index of the first byte from i on that is not
// JSON white space.
func skipJSONSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// scanJSONScalar returns the end of the JSON string, number, true, false or
// null at b[i], or -1 when there is none (or another kind of value).
func scanJSONScalar(b []byte, i int) int {
	if i == len(b) {
		return -1
	}
	switch c := b[i]; {
	case c == '"':
		end, _ := scanJSONString(b, i)
		return end
	case c == '-' || '0' <= c && c <= '9':
		return scanJSONNumber(b, i)
	}
	for _, lit := range [...]string{"true", "false", "null"} {
		if bytes.HasPrefix(b[i:], []byte(lit)) {
			return i + len(lit)
		}
	}
	return -1
}

// scanJSONString returns the index after the JSON string that starts at
// b[i] (a quote) and whether it has escapes, or -1 when it is not a valid
// string. b is valid UTF-8.
func scanJSONString(b []byte, i int) (end int, escaped bool) {
	for i++; i < len(b); i++ {
		switch c := b[i]; {
		case c == '"':
			return i + 1, escaped
		case c < 0x20:
			return -1, false
		case c == '\\':
			escaped = true
			if i++; i == len(b) {
				return -1, false
			}
			switch b[i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if i+4 >= len(b) || !isHex(b[i+1]) || !isHex(b[i+2]) || !isHex(b[i+3]) || !isHex(b[i+4]) {
					return -1, false
				}
				i += 4
			default:
				return -1, false
			}
		}
	}
	return -1, false
}

func isHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

// scanJSONNumber returns the index after the JSON number at b[i], or -1:
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func scanJSONNumber(b []byte, i int) int {
	digits := func(i int) int { // the end of a run of at least one digit, or -1
		j := i
		for j < len(b) && '0' <= b[j] && b[j] <= '9' {
			j++
		}
		if j == i {
			return -1
		}
		return j
	}
	if b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && '1' <= b[i] && b[i] <= '9':
		i = digits(i)
	default:
		return -1
	}
	if i < len(b) && b[i] == '.' {
		if i = digits(i + 1); i < 0 {
			return -1
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if i = digits(i); i < 0 {
			return -1
		}
	}
	return i
}

// decodeObject decodes a JSON line: a string "text" is required, "id" (any
// JSON value) is kept as written.
func decodeObject(line []byte) (text string, id json.RawMessage, code, msg string) {
	var obj map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(line))
	if err := dec.Decode(&obj); err != nil {
		return "", nil, codeBadJSON, "not a JSON object: " + err.Error()
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return "", nil, codeBadJSON, "not a JSON object: data after the object"
	}
	id = obj["id"]
	raw, ok := obj["text"]
	if !ok {
		return "", id, codeNoText, `no "text" field`
	}
	if err := json.Unmarshal(raw, &text); err != nil {
		return "", id, codeNoText, `"text" is not a string`
	}
	return text, id, "", ""
}
