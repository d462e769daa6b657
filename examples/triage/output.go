package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/ghurbal/ghurbal/classify"
	"github.com/ghurbal/ghurbal/extract"
)

// writer writes outcomes in the chosen format and keeps the counts for the
// text format's summary.
type writer struct {
	cfg     config
	w       io.Writer
	labels  map[string]int
	flagged int
	errors  map[string]int
	lines   int
	enc     encoder
	buf     []byte // one output line, reused
}

func newWriter(cfg config, w io.Writer) *writer {
	return &writer{cfg: cfg, w: w, labels: map[string]int{}, errors: map[string]int{}}
}

// The output objects of the contract, field for field.
type outHit struct {
	Category string `json:"category"`
	Term     string `json:"term"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
}

type outSignals struct {
	Phones    []extract.Phone    `json:"phones"`
	Prices    []extract.Price    `json:"prices"`
	Handles   []extract.Handle   `json:"handles"`
	URLs      []extract.URL      `json:"urls"`
	Locations []extract.Location `json:"locations"`
}

type outResult struct {
	Line    int                     `json:"line"`
	ID      json.RawMessage         `json:"id,omitempty"`
	Label   string                  `json:"label"`
	Flagged bool                    `json:"flagged"`
	Scores  map[string]float64      `json:"scores"`
	Hits    []outHit                `json:"hits"`
	Signals outSignals              `json:"signals"`
	Explain []classify.Contribution `json:"explain,omitempty"`
}

type outError struct {
	Line  int             `json:"line"`
	ID    json.RawMessage `json:"id,omitempty"`
	Error string          `json:"error"`
	Code  string          `json:"code"`
}

func (w *writer) write(j *job) {
	w.lines++
	o := &j.res
	if o.code != "" {
		w.errors[o.code]++
	} else {
		w.labels[o.result.Label]++
		if o.result.Flagged {
			w.flagged++
		}
	}
	if w.cfg.format == "text" {
		w.writeText(j)
		return
	}
	var ok bool
	if o.code != "" {
		w.buf, ok = appendError(w.buf[:0], j.line, o.id, o.msg, o.code)
	} else {
		w.buf, ok = w.enc.appendResult(w.buf[:0], j.line, o, w.cfg.explain)
	}
	if ok {
		w.w.Write(w.buf)
		return
	}
	w.writeMarshal(j)
}

// writeMarshal writes an outcome with json.Marshal: the definition of the
// output, used when the hand encoder cannot reproduce it.
func (w *writer) writeMarshal(j *job) {
	o := &j.res
	var v any
	if o.code != "" {
		v = outError{Line: j.line, ID: o.id, Error: o.msg, Code: o.code}
	} else {
		v = toOutResult(j.line, o, w.cfg.explain)
	}
	data, err := json.Marshal(v)
	if err != nil { // only an id that is not valid JSON could do this; json.Decoder has checked it
		data, _ = json.Marshal(outError{Line: j.line, Error: err.Error(), Code: codeBadJSON})
	}
	w.w.Write(append(data, '\n'))
}

func toOutResult(line int, o *outcome, explain bool) outResult {
	r := &o.result
	out := outResult{Line: line, ID: o.id, Label: r.Label, Flagged: r.Flagged, Scores: r.Scores, Hits: []outHit{}}
	for _, h := range r.Hits {
		out.Hits = append(out.Hits, outHit{h.Category, h.Term, h.Start, h.End})
	}
	s := r.Signals
	out.Signals = outSignals{
		Phones: orEmpty(s.Phones), Prices: orEmpty(s.Prices), Handles: orEmpty(s.Handles),
		URLs: orEmpty(s.URLs), Locations: orEmpty(s.Locations),
	}
	if explain {
		out.Explain = orEmpty(r.Explain)
	}
	return out
}

// orEmpty makes a nil slice an empty one, so arrays are always present.
func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// The text format: for people, no promise of one line per post.
const (
	bold  = "\x1b[1m"
	red   = "\x1b[1;31m"
	dim   = "\x1b[2m"
	reset = "\x1b[0m"
)

func (w *writer) paint(style, s string) string {
	if !w.cfg.color {
		return s
	}
	return style + s + reset
}

func (w *writer) writeText(j *job) {
	o := &j.res
	id := ""
	if len(o.id) > 0 {
		id = " id=" + string(o.id)
	}
	if o.code != "" {
		fmt.Fprintf(w.w, "#%d%s  error %s: %s\n\n", j.line, id, o.code, o.msg)
		return
	}
	r := &o.result
	verdict := strings.ToUpper(r.Label)
	if r.Flagged {
		verdict = w.paint(red, verdict+" (flagged)")
	}
	fmt.Fprintf(w.w, "#%d%s  %s  p=%.3f\n", j.line, id, verdict, r.Scores[r.Top])
	fmt.Fprintf(w.w, "  %s\n", w.highlight(o.text, r))
	var parts []string
	for _, h := range r.Hits {
		parts = append(parts, h.Category+":"+h.Term)
	}
	for _, p := range r.Signals.Phones {
		parts = append(parts, "phone:"+p.E164)
	}
	for _, p := range r.Signals.Prices {
		parts = append(parts, fmt.Sprintf("price:%g%s", p.Amount, p.Currency))
	}
	for _, h := range r.Signals.Handles {
		parts = append(parts, "handle:"+h.Platform+"/"+h.Handle)
	}
	if len(parts) > 0 {
		fmt.Fprintf(w.w, "  %s\n", w.paint(dim, strings.Join(parts, "  ")))
	}
	for _, c := range r.Explain {
		fmt.Fprintf(w.w, "  %s %+.2f\n", w.paint(dim, c.Feature), c.Weight)
	}
	fmt.Fprintln(w.w)
}

// highlight marks the hits and signals in the post: bold red on a
// terminal, [[brackets]] when piped.
func (w *writer) highlight(text string, r *classify.Result) string {
	type span struct{ s, e int }
	var spans []span
	for _, h := range r.Hits {
		spans = append(spans, span{h.Start, h.End})
	}
	for _, p := range r.Signals.Phones {
		spans = append(spans, span{p.Start, p.End})
	}
	for _, p := range r.Signals.Prices {
		spans = append(spans, span{p.Start, p.End})
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].s < spans[j].s })
	var b strings.Builder
	at := 0
	for _, sp := range spans {
		if sp.s < at || sp.e > len(text) || sp.s >= sp.e {
			continue // overlaps an earlier mark
		}
		b.WriteString(text[at:sp.s])
		if w.cfg.color {
			b.WriteString(red + text[sp.s:sp.e] + reset)
		} else {
			b.WriteString("[[" + text[sp.s:sp.e] + "]]")
		}
		at = sp.e
	}
	b.WriteString(text[at:])
	return strings.ReplaceAll(b.String(), "\n", " ")
}

// summary ends the text format with the counts.
func (w *writer) summary() {
	if w.cfg.format != "text" {
		return
	}
	labels := make([]string, 0, len(w.labels))
	for l := range w.labels {
		labels = append(labels, l)
	}
	slices.Sort(labels)
	fmt.Fprintf(w.w, "%s %d lines, %d flagged\n", w.paint(bold, "summary:"), w.lines, w.flagged)
	for _, l := range labels {
		fmt.Fprintf(w.w, "  %-10s %d\n", l, w.labels[l])
	}
	for code, n := range w.errors {
		fmt.Fprintf(w.w, "  error %-10s %d\n", code, n)
	}
}
