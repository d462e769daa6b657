package main

import (
	"encoding/json"

	"github.com/ghurbal/ghurbal/classify"
	"github.com/ghurbal/ghurbal/extract"
)

// The response objects: examples/triage's output objects (the command-line
// contract of shared/DESIGN.md) without "line", field for field, so one
// consumer reads both.

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
	ID      json.RawMessage         `json:"id,omitempty"`
	Label   string                  `json:"label"`
	Flagged bool                    `json:"flagged"`
	Scores  map[string]float64      `json:"scores"`
	Hits    []outHit                `json:"hits"`
	Signals outSignals              `json:"signals"`
	Explain []classify.Contribution `json:"explain,omitempty"`
}

// outError is a request's error, and a batch post's error in its place.
type outError struct {
	ID    json.RawMessage `json:"id,omitempty"`
	Error string          `json:"error"`
	Code  string          `json:"code"`
}

// toOutResult converts r, which must stay unchanged until the result is
// marshalled (it shares r's map and slices). The hits are appended to
// hits[:0], a buffer reused from post to post.
func toOutResult(id json.RawMessage, r *classify.Result, explain bool, hits []outHit) outResult {
	out := outResult{ID: id, Label: r.Label, Flagged: r.Flagged, Scores: r.Scores, Hits: hits[:0]}
	for _, h := range r.Hits {
		out.Hits = append(out.Hits, outHit{h.Category, h.Term, h.Start, h.End})
	}
	if out.Hits == nil {
		out.Hits = []outHit{}
	}
	s := &r.Signals
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
