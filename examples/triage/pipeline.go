package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"sync"
	"unicode/utf8"

	"github.com/ghurbal/ghurbal/classify"
)

// job is one input line on its way to the output.
type job struct {
	line    int
	raw     []byte // the line without its newline (nil when too long)
	tooLong bool
	done    chan struct{}
	res     outcome
}

// outcome is what one line produced: a classification or an error.
type outcome struct {
	id     json.RawMessage
	text   string
	result classify.Result
	code   string // error code, "" for a classification
	msg    string
}

// pipeline reads lines, classifies them on workers and writes them in input
// order. At most window lines are in flight, so memory stays bounded on an
// endless stream.
type pipeline struct {
	clf     *classify.Classifier
	cfg     config
	work    chan *job
	order   chan *job
	line    int
	wg      sync.WaitGroup
	written chan struct{}
}

func newPipeline(clf *classify.Classifier, cfg config, out *writer) *pipeline {
	window := 4 * cfg.workers
	p := &pipeline{clf: clf, cfg: cfg, work: make(chan *job, window), order: make(chan *job, window), written: make(chan struct{})}
	for range cfg.workers {
		p.wg.Go(func() {
			var r classify.Result
			for j := range p.work {
				p.process(j, &r)
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
		raw, tooLong, err := readLine(br, p.cfg.maxLine)
		if err == io.EOF && raw == nil && !tooLong {
			return nil
		}
		if err != nil && err != io.EOF {
			return err
		}
		p.line++
		j := &job{line: p.line, raw: raw, tooLong: tooLong, done: make(chan struct{})}
		p.order <- j
		p.work <- j
		if err == io.EOF {
			return nil
		}
	}
}

// close waits for every line to be written.
func (p *pipeline) close() {
	close(p.work)
	p.wg.Wait()
	close(p.order)
	<-p.written
}

// readLine returns the next line without its "\n" (and a trailing "\r").
// A line longer than max is read through and reported as tooLong with no
// bytes. At the end of input it returns io.EOF, with the last line if it
// had no newline.
func readLine(br *bufio.Reader, max int) (line []byte, tooLong bool, err error) {
	var buf []byte
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

func (p *pipeline) process(j *job, r *classify.Result) {
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
	o.text = string(j.raw)
	if trimmed[0] == '{' {
		text, id, code, msg := decodeObject(trimmed)
		o.id = id
		if code != "" {
			o.code, o.msg = code, msg
			return
		}
		o.text = text
		if len(bytes.TrimSpace([]byte(text))) == 0 {
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
