package normalize

import (
	"unicode/utf8"
	"unsafe"
)

// Text is a normalized text together with a map from every byte of the
// normalized form back to the original input, so that later stages can
// report what they find as byte offsets into the text the caller passed in.
//
// A Text is reused across calls to Normalizer.Text to avoid allocation; it
// is not safe for concurrent use (keep one per goroutine).
type Text struct {
	src  string
	out  []byte
	segs []segment // the offset map: see segment
}

// Text normalizes src into t, reusing t's buffers, and returns t. Offsets
// are kept as 32-bit values: an input of 4 GiB or more gets its later
// offsets clamped.
func (n *Normalizer) Text(t *Text, src string) *Text {
	w := writer{dst: t.out[:0], segs: t.segs[:0], track: true}
	n.write(&w, src)
	t.src, t.out, t.segs = src, w.dst, w.segs
	return t
}

// Source returns the original text.
func (t *Text) Source() string { return t.src }

// Bytes returns the normalized text. It is valid until t is reused.
func (t *Text) Bytes() []byte { return t.out }

// Normalized returns the normalized text as a string that shares t's
// buffer: it is valid until t is reused.
func (t *Text) Normalized() string { return unsafe.String(unsafe.SliceData(t.out), len(t.out)) }

// Len returns the length of the normalized text in bytes.
func (t *Text) Len() int { return len(t.out) }

// Original maps the normalized byte range [start, end) to the range of the
// original text it came from. The range covers what normalization removed
// inside and right after it (diacritics, tatweel, invisible characters,
// the rest of an elongation), so normalizing src[s:e] gives back the
// normalized range. Out-of-range arguments are clamped.
func (t *Text) Original(start, end int) (s, e int) {
	start = max(0, min(start, len(t.out)))
	end = max(start, min(end, len(t.out)))
	s, e = t.originalAt(start), t.originalAt(end)
	if end > start && e <= s {
		// One source rune produced several output runes (a ligature) and
		// the range stops inside them: cover the whole source rune.
		_, size := utf8.DecodeRuneInString(t.src[s:])
		e = s + size
	}
	return s, e
}

// OriginalAt returns the offset in the original text where the source of
// the normalized byte i starts.
func (t *Text) OriginalAt(i int) int {
	return t.originalAt(max(0, min(i, len(t.out))))
}

// originalAt is OriginalAt for 0 ≤ i ≤ len(t.out): the end of the output
// maps to the end of the source, any other byte through the last segment
// that starts at or before it.
func (t *Text) originalAt(i int) int {
	if i >= len(t.out) {
		return int(clampOffset(len(t.src)))
	}
	lo, hi := 0, len(t.segs) // the answer is the last segment with out <= i
	for hi-lo > 1 {
		mid := int(uint(lo+hi) >> 1)
		if int(t.segs[mid].out) <= i {
			lo = mid
		} else {
			hi = mid
		}
	}
	sg := t.segs[lo]
	if sg.copied {
		return int(sg.src) + i - int(sg.out)
	}
	return int(sg.src)
}
