package main

import (
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/ghurbal/ghurbal/classify"
)

// The output objects are written by hand rather than with json.Marshal:
// reflection over the nested structs cost more than classifying a short
// post. The bytes are exactly json.Marshal's for outResult and outError
// (same field order, HTML-safe string escaping, float formatting, [] for
// empty arrays), which TestEncoderMatchesJSONMarshal checks; anything the
// hand encoder does not reproduce by construction (a non-finite float, an
// id that needs compacting) makes it report failure, and the caller falls
// back to json.Marshal.

// encoder holds the scratch of the hand encoder.
type encoder struct {
	keys []string // the score labels, sorted
}

// appendResult appends the JSON of toOutResult(line, o, explain) and a
// newline to dst. It returns false (and dst unchanged) when it cannot
// reproduce json.Marshal.
func (e *encoder) appendResult(dst []byte, line int, o *outcome, explain bool) ([]byte, bool) {
	start := len(dst)
	r := &o.result
	dst = append(dst, `{"line":`...)
	dst = strconv.AppendInt(dst, int64(line), 10)
	var ok bool
	if dst, ok = appendID(dst, o.id); !ok {
		return dst[:start], false
	}
	dst = append(dst, `,"label":`...)
	dst = appendString(dst, r.Label)
	dst = append(dst, `,"flagged":`...)
	dst = strconv.AppendBool(dst, r.Flagged)

	dst = append(dst, `,"scores":`...)
	if r.Scores == nil {
		dst = append(dst, "null"...)
	} else {
		e.keys = e.keys[:0]
		for k := range r.Scores {
			e.keys = append(e.keys, k)
		}
		slices.Sort(e.keys) // json.Marshal sorts map keys
		dst = append(dst, '{')
		for i, k := range e.keys {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendString(dst, k)
			dst = append(dst, ':')
			if dst, ok = appendFloat(dst, r.Scores[k]); !ok {
				return dst[:start], false
			}
		}
		dst = append(dst, '}')
	}

	dst = append(dst, `,"hits":[`...)
	for i, h := range r.Hits {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"category":`...)
		dst = appendString(dst, h.Category)
		dst = append(dst, `,"term":`...)
		dst = appendString(dst, h.Term)
		dst = appendSpan(dst, h.Start, h.End)
	}

	s := &r.Signals
	dst = append(dst, `],"signals":{"phones":[`...)
	for i, p := range s.Phones {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"e164":`...)
		dst = appendString(dst, p.E164)
		dst = append(dst, `,"country":`...)
		dst = appendString(dst, p.Country)
		dst = appendSpan(dst, p.Start, p.End)
	}
	dst = append(dst, `],"prices":[`...)
	for i, p := range s.Prices {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"amount":`...)
		if dst, ok = appendFloat(dst, p.Amount); !ok {
			return dst[:start], false
		}
		dst = append(dst, `,"currency":`...)
		dst = appendString(dst, p.Currency)
		dst = appendSpan(dst, p.Start, p.End)
	}
	dst = append(dst, `],"handles":[`...)
	for i, h := range s.Handles {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"platform":`...)
		dst = appendString(dst, h.Platform)
		dst = append(dst, `,"handle":`...)
		dst = appendString(dst, h.Handle)
		dst = appendSpan(dst, h.Start, h.End)
	}
	dst = append(dst, `],"urls":[`...)
	for i, u := range s.URLs {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"url":`...)
		dst = appendString(dst, u.URL)
		dst = append(dst, `,"host":`...)
		dst = appendString(dst, u.Host)
		dst = appendSpan(dst, u.Start, u.End)
	}
	dst = append(dst, `],"locations":[`...)
	for i, l := range s.Locations {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"lat":`...)
		if dst, ok = appendFloat(dst, l.Lat); !ok {
			return dst[:start], false
		}
		dst = append(dst, `,"lon":`...)
		if dst, ok = appendFloat(dst, l.Lon); !ok {
			return dst[:start], false
		}
		dst = append(dst, `,"kind":`...)
		dst = appendString(dst, l.Kind)
		dst = appendSpan(dst, l.Start, l.End)
	}
	dst = append(dst, "]}"...)

	if explain && len(r.Explain) > 0 { // omitempty
		if dst, ok = appendExplain(dst, r.Explain); !ok {
			return dst[:start], false
		}
	}
	return append(dst, "}\n"...), true
}

func appendExplain(dst []byte, explain []classify.Contribution) ([]byte, bool) {
	dst = append(dst, `,"explain":[`...)
	var ok bool
	for i, c := range explain {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"feature":`...)
		dst = appendString(dst, c.Feature)
		dst = append(dst, `,"label":`...)
		dst = appendString(dst, c.Label)
		dst = append(dst, `,"weight":`...)
		if dst, ok = appendFloat(dst, c.Weight); !ok {
			return dst, false
		}
		dst = append(dst, '}')
	}
	return append(dst, ']'), true
}

// appendError appends the JSON of outError{line, id, msg, code} and a
// newline to dst, or returns false.
func appendError(dst []byte, line int, id json.RawMessage, msg, code string) ([]byte, bool) {
	start := len(dst)
	dst = append(dst, `{"line":`...)
	dst = strconv.AppendInt(dst, int64(line), 10)
	var ok bool
	if dst, ok = appendID(dst, id); !ok {
		return dst[:start], false
	}
	dst = append(dst, `,"error":`...)
	dst = appendString(dst, msg)
	dst = append(dst, `,"code":`...)
	dst = appendString(dst, code)
	return append(dst, "}\n"...), true
}

// appendSpan appends the start and end fields that close every span object.
func appendSpan(dst []byte, start, end int) []byte {
	dst = append(dst, `,"start":`...)
	dst = strconv.AppendInt(dst, int64(start), 10)
	dst = append(dst, `,"end":`...)
	dst = strconv.AppendInt(dst, int64(end), 10)
	return append(dst, '}')
}

// appendID appends the id field (omitted when empty). json.Marshal writes a
// RawMessage compacted and HTML-escaped; an id with nothing to compact or
// escape (any id the fast decoder accepts: a string, number or literal
// without < > & U+2028 U+2029) is copied, and others go through
// json.Marshal itself.
func appendID(dst []byte, id json.RawMessage) ([]byte, bool) {
	if len(id) == 0 {
		return dst, true
	}
	dst = append(dst, `,"id":`...)
	for _, c := range id {
		switch c {
		case ' ', '\t', '\n', '\r', '<', '>', '&', 0xE2:
			b, err := json.Marshal(id)
			if err != nil {
				return dst, false
			}
			return append(dst, b...), true
		}
	}
	return append(dst, id...), true
}

// appendFloat formats f as encoding/json does: like strconv's shortest
// 'f' form, but 'e' for magnitudes below 1e-6 or from 1e21, with a
// one-digit negative exponent not zero-padded. It refuses NaN and
// infinities, which json.Marshal rejects.
func appendFloat(dst []byte, f float64) ([]byte, bool) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return dst, false
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	dst = strconv.AppendFloat(dst, f, format, -1, 64)
	if format == 'e' {
		// clean up e-09 to e-9
		n := len(dst)
		if n >= 4 && dst[n-4] == 'e' && dst[n-3] == '-' && dst[n-2] == '0' {
			dst[n-2] = dst[n-1]
			dst = dst[:n-1]
		}
	}
	return dst, true
}

// htmlSafe reports the ASCII bytes json.Marshal writes unescaped in a
// string: printable ASCII and DEL, but not " \ < > &.
var htmlSafe = func() (t [utf8.RuneSelf]bool) {
	for c := ' '; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return t
}()

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string escaped as json.Marshal escapes
// it (HTML-safe): " and \ with a backslash, \b \f \n \r \t, other controls
// and < > & as \u00XX, invalid UTF-8 bytes as \ufffd, U+2028 and U+2029 as
// \u2028 and \u2029.
func appendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if htmlSafe[c] {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '\\', '"':
				dst = append(dst, '\\', c)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
