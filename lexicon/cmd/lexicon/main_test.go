package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckAndFmtOnGoodData(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"check", "../../data"}, &out, &errOut); code != 0 {
		t.Fatalf("check exited %d:\n%s%s", code, out.String(), errOut.String())
	}
	out.Reset()
	if code := run([]string{"fmt", "../../data"}, &out, &errOut); code != 0 || out.Len() != 0 {
		t.Fatalf("fmt exited %d, would change:\n%s%s", code, out.String(), errOut.String())
	}
}

func TestCheckListsBadEntries(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"check", "../../testdata/bad"}, &out, &errOut); code != 1 {
		t.Fatalf("check exited %d, want 1", code)
	}
	if !strings.Contains(out.String(), "smuggler.tsv:6:") || !strings.Contains(errOut.String(), "problems") {
		t.Fatalf("check output lacks file:line:\n%s%s", out.String(), errOut.String())
	}
}

func TestFmtRewrites(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "smuggler.tsv")
	os.WriteFile(name, []byte("term\tweight\tflags\tnote\nمهرب\t3\t\tsmuggler\nتهريب\t2\t\tsmuggling\n"), 0o644)
	var out, errOut bytes.Buffer
	if code := run([]string{"fmt", "-w", dir}, &out, &errOut); code != 0 {
		t.Fatalf("fmt -w exited %d: %s", code, errOut.String())
	}
	got, _ := os.ReadFile(name)
	if want := "term\tweight\tflags\tnote\nتهريب\t2.0\t\tsmuggling\nمهرب\t3.0\t\tsmuggler\n"; string(got) != want {
		t.Fatalf("after fmt -w:\n%q\nwant\n%q", got, want)
	}
}

func TestImpact(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "c.jsonl")
	os.WriteFile(corpus, []byte(`{"id":"1","text":"ابحث عن مهرب","label":"smuggling"}`+"\n"+`{"id":"2","text":"الجو حلو","label":"other"}`+"\n"), 0o644)
	var out, errOut bytes.Buffer
	if code := run([]string{"impact", "-term", "مهرب", corpus}, &out, &errOut); code != 0 {
		t.Fatalf("impact exited %d: %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), "مهرب") || !strings.Contains(out.String(), "smuggling") {
		t.Fatalf("impact output:\n%s", out.String())
	}
}

func TestUsage(t *testing.T) {
	var out, errOut bytes.Buffer
	if run(nil, &out, &errOut) != 2 || run([]string{"nope"}, &out, &errOut) != 2 {
		t.Fatal("usage errors must exit 2")
	}
	if run([]string{"impact"}, &out, &errOut) != 2 {
		t.Fatal("impact without a corpus must exit 2")
	}
}
