package lexicon

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"testing"
)

// update rewrites the golden files instead of comparing with them:
//
//	go test ./lexicon -run TestGoldenHits -update
var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// goldenHitsFile records every hit of the default lexicon on every post of
// the training corpus.
const goldenHitsFile = "testdata/golden_hits.jsonl"

// goldenLine is one post's line in goldenHitsFile.
type goldenLine struct {
	ID   string `json:"id"`
	Hits []Hit  `json:"hits"`
}

// TestGoldenHits pins what the default lexicon finds in corpus/posts.jsonl
// (category, term, start, end and weight of every hit), so that work on
// the matcher's speed cannot change a result unnoticed. A change to the
// data files or to the matching rules changes the file on purpose: rewrite
// it with -update and review the diff.
func TestGoldenHits(t *testing.T) {
	lex := Default()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	var hits []Hit
	for _, p := range readCorpus(t, "../corpus/posts.jsonl") {
		hits = lex.AppendMatches(hits[:0], p.Text)
		line := goldenLine{ID: p.ID, Hits: hits}
		if line.Hits == nil {
			line.Hits = []Hit{}
		}
		if err := enc.Encode(line); err != nil {
			t.Fatal(err)
		}
	}
	if *update {
		if err := os.WriteFile(goldenHitsFile, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(goldenHitsFile)
	if err != nil {
		t.Fatalf("%v (create it with -update)", err)
	}
	got := buf.Bytes()
	if bytes.Equal(got, want) {
		return
	}
	gotLines, wantLines := bytes.Split(got, []byte("\n")), bytes.Split(want, []byte("\n"))
	shown := 0
	for i := 0; i < max(len(gotLines), len(wantLines)) && shown < 10; i++ {
		var g, w []byte
		if i < len(gotLines) {
			g = gotLines[i]
		}
		if i < len(wantLines) {
			w = wantLines[i]
		}
		if !bytes.Equal(g, w) {
			t.Errorf("line %d:\n got  %s\n want %s", i+1, g, w)
			shown++
		}
	}
	if len(gotLines) != len(wantLines) {
		t.Errorf("%d lines, want %d", len(gotLines), len(wantLines))
	}
}
