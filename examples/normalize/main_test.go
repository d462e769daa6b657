package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

func TestRunOnSample(t *testing.T) {
	in, err := os.ReadFile("sample.txt")
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := run(bytes.NewReader(in), &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"مهربين الي المانيا", "فيزا بولندا كروب كاكا تهريب مهرب", "url", "handle"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}
