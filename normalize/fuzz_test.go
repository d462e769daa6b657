package normalize

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// checkNormalization asserts the properties every input must keep:
// valid UTF-8 out, idempotence, Append and String agree, offsets monotone
// and inside the input, and every token inside both texts.
func checkNormalization(t *testing.T, n *Normalizer, in string) {
	t.Helper()
	out := n.String(in)
	if !utf8.ValidString(out) {
		t.Fatalf("String(%+q) = %+q is not valid UTF-8", in, out)
	}
	if again := n.String(out); again != out {
		t.Fatalf("not idempotent: %+q -> %+q -> %+q", in, out, again)
	}
	if !n.IsNormal(out) {
		t.Fatalf("IsNormal(String(%+q)) is false", in)
	}
	if got := string(n.Append([]byte("prefix"), []byte(in))); got != "prefix"+out {
		t.Fatalf("Append(%+q) = %+q, String gave %+q", in, got, out)
	}
	var txt Text
	n.Text(&txt, in)
	if txt.Normalized() != out {
		t.Fatalf("Text(%+q) = %+q, String gave %+q", in, txt.Normalized(), out)
	}
	prev := 0
	for i := 0; i <= txt.Len(); i++ {
		o := txt.OriginalAt(i)
		if o < prev || o > len(in) {
			t.Fatalf("offset of byte %d is %d (previous %d, input %d bytes) for %+q", i, o, prev, len(in), in)
		}
		prev = o
	}
	for tok := range txt.Tokens() {
		if tok.NormStart < 0 || tok.NormEnd > len(out) || tok.NormStart >= tok.NormEnd {
			t.Fatalf("token %+v outside the normalized text %+q", tok, out)
		}
		if tok.Start < 0 || tok.End > len(in) || tok.Start > tok.End {
			t.Fatalf("token %+v outside the input %+q", tok, in)
		}
		if n == Default() && utf8.ValidString(in) {
			// Contains, not equals: a ligature (ﷺ) is one source rune for
			// several tokens.
			if got := n.String(in[tok.Start:tok.End]); !strings.Contains(got, tok.Text) {
				t.Fatalf("token %+q of %+q maps back to %+q, which normalizes to %+q", tok.Text, in, in[tok.Start:tok.End], got)
			}
		}
	}
}

func TestProperties(t *testing.T) {
	opts := []*Normalizer{Default(), New(KeepHamza(), KeepTehMarbuta()), New(KeepDiacritics(), KeepTatweel()),
		New(KeepElongation(), KeepCase(), KeepInvisible()), New(KeepPresentationForms(), KeepDigits())}
	for _, c := range foldCases {
		for _, n := range opts {
			checkNormalization(t, n, c.in)
		}
	}
}

func FuzzNormalize(f *testing.F) {
	for _, c := range foldCases {
		f.Add(c.in)
	}
	f.Add("ﻣﻬﺮﺏ\xff\x00ييي\u200cي ١٢ ＡＢ")
	alt := New(KeepHamza(), KeepDiacritics(), KeepElongation())
	f.Fuzz(func(t *testing.T, in string) {
		checkNormalization(t, Default(), in)
		checkNormalization(t, alt, in)
	})
}
