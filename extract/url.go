package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// URLs.
//
// A URL starts at a token start (not inside a word, an e-mail address or a
// dotted number) and is one of:
//   - scheme://host… for http, https and the messenger schemes viber://,
//     whatsapp:// and tg://;
//   - www.host…;
//   - a bare domain followed by a path: t.me/x, bit.ly/x, wa.me/964…
//     (a bare "example.com" without a path is too often a word typed
//     without a space after a full stop to count).
//
// The host is ASCII labels joined by dots, the last one 2–24 letters. The
// path runs to the first space, control or invisible character, one of
// <>"`{}|\^, an Arabic comma, semicolon or question mark, or an emoji.
// Arabic letters may continue a path after "/", "=", "-", "_", "?", "&", "#",
// "+" or "%" (facebook.com/groups/مهاجرين), but not straight after an ASCII
// letter or digit: "t.me/abu_xللتواصل" is a link and a word typed without a
// space. Trailing punctuation (Latin and Arabic . , ; : ! ? ' * and an
// unbalanced ")" "]" "}") is left out of the span.
//
// Every URL is reported; a URL of a messenger or maps service also yields a
// Handle, a Phone or a Location (handle.go, location.go), and nothing else
// is read inside a URL (no phone from an ID in a path).

type urlSpan struct {
	start, end         int
	hostStart, hostEnd int
	scheme             string // "", "http", "https", "viber", "whatsapp", "tg"
}

// urlTokenStart reports whether a URL may start at t[i]: the byte before is
// not part of a host, a word or an e-mail address.
func urlTokenStart(t string, i int) bool {
	if i == 0 {
		return true
	}
	c := t[i-1]
	return !(isASCIIAlnum(c) || c == '.' || c == '-' || c == '_' || c == '@' || c == '/' || c == '%')
}

func schemeOf(tok string) string {
	for _, s := range [...]string{"http", "https", "viber", "whatsapp", "tg"} {
		if strings.EqualFold(tok, s) {
			return s
		}
	}
	return ""
}

func isHostByte(c byte) bool { return isASCIIAlnum(c) || c == '.' || c == '-' }

// scanURL reads a URL at the ASCII letter or digit t[i].
func scanURL(t string, i int) (u urlSpan, ok bool) {
	j := i
	for j < len(t) && isHostByte(t[j]) {
		j++
	}
	if j+2 < len(t) && t[j] == ':' && t[j+1] == '/' && t[j+2] == '/' {
		scheme := schemeOf(t[i:j])
		if scheme == "" {
			return u, false
		}
		hs := j + 3
		he := hs
		for he < len(t) && (isHostByte(t[he]) || t[he] == '_') {
			he++
		}
		for he > hs && (t[he-1] == '.' || t[he-1] == '-') {
			he--
		}
		if he == hs {
			return u, false
		}
		if (scheme == "http" || scheme == "https") && strings.IndexByte(t[hs:he], '.') < 0 &&
			!strings.EqualFold(t[hs:he], "localhost") {
			return u, false
		}
		u = urlSpan{start: i, hostStart: hs, hostEnd: he, scheme: scheme}
		u.end = urlRest(t, he)
		return u, true
	}
	he := j
	for he > i && (t[he-1] == '.' || t[he-1] == '-') {
		he--
	}
	host := t[i:he]
	if !validHost(host) {
		return u, false
	}
	www := len(host) > 4 && strings.EqualFold(host[:4], "www.")
	if !www && (he >= len(t) || t[he] != '/') {
		return u, false
	}
	u = urlSpan{start: i, hostStart: i, hostEnd: he}
	u.end = urlRest(t, he)
	return u, true
}

// validHost checks dotted ASCII labels whose last label (the top-level
// domain) is 2–24 letters.
func validHost(h string) bool {
	if len(h) < 4 || len(h) > 253 {
		return false
	}
	dot := strings.LastIndexByte(h, '.')
	if dot <= 0 {
		return false
	}
	tld := h[dot+1:]
	if len(tld) < 2 || len(tld) > 24 {
		return false
	}
	for k := 0; k < len(tld); k++ {
		if !isASCIILetter(tld[k]) {
			return false
		}
	}
	for k := 1; k < len(h); k++ {
		if h[k] == '.' && (h[k-1] == '.' || h[k-1] == '-') {
			return false
		}
	}
	return h[0] != '.' && h[0] != '-'
}

// urlRest reads the optional port, path, query and fragment after the host
// ending at p and returns the URL's end.
func urlRest(t string, p int) int {
	if p+1 < len(t) && t[p] == ':' && isASCIIDigit(t[p+1]) {
		k := p + 1
		for k < len(t) && isASCIIDigit(t[k]) {
			k++
		}
		p = k
	}
	if p >= len(t) || (t[p] != '/' && t[p] != '?' && t[p] != '#') {
		return p
	}
	k := p
	for k < len(t) {
		c := t[k]
		if c < utf8.RuneSelf {
			if c <= ' ' || c == 0x7F || strings.IndexByte("<>\"`{}|\\^", c) >= 0 {
				break
			}
			k++
			continue
		}
		r, n := utf8.DecodeRuneInString(t[k:])
		if !(isArabicWordRune(r) || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)) {
			break // invisible marks, spaces, Arabic punctuation, emoji, invalid bytes
		}
		if prev := t[k-1]; prev < utf8.RuneSelf && strings.IndexByte("/=-_?&#+%.~:", prev) < 0 {
			break // a word glued to the link
		}
		k += n
	}
	return trimURLEnd(t, p, k)
}

// trimURLEnd drops trailing punctuation from t[p:k], and a closing bracket
// that has no opening one inside the URL. The brackets are counted once, so
// a link followed by a thousand ")" is still trimmed in linear time.
func trimURLEnd(t string, p, k int) int {
	var open, closed [3]int // (), [], {}
	for x := p; x < k; x++ {
		switch t[x] {
		case '(':
			open[0]++
		case ')':
			closed[0]++
		case '[':
			open[1]++
		case ']':
			closed[1]++
		case '{':
			open[2]++
		case '}':
			closed[2]++
		}
	}
	for k > p {
		b := -1
		switch t[k-1] {
		case '.', ',', ';', ':', '!', '?', '\'', '*':
			k--
			continue
		case ')':
			b = 0
		case ']':
			b = 1
		case '}':
			b = 2
		}
		if b >= 0 && closed[b] > open[b] {
			closed[b]--
			k--
			continue
		}
		break
	}
	return k
}

// lowerHost returns h in lower case, allocating only when h has an upper
// case letter.
func lowerHost(h string) string {
	for k := 0; k < len(h); k++ {
		if h[k]-'A' < 26 {
			return strings.ToLower(h)
		}
	}
	return h
}

// onURL reports a URL and what it says as a link.
func (s *scanner) onURL(u urlSpan) {
	t := s.t
	if s.want&(wantURLs|wantHandles|wantPhones|wantLocations) == 0 {
		return
	}
	host := lowerHost(t[u.hostStart:u.hostEnd])
	if s.want&wantURLs != 0 {
		s.out.URLs = append(s.out.URLs, URL{URL: t[u.start:u.end], Host: host, Start: u.start, End: u.end})
	}
	if u.scheme == "" || u.scheme == "http" || u.scheme == "https" {
		host = strings.TrimPrefix(host, "www.")
		s.mapLink(u, host)
	}
	s.linkHandle(u, host)
}

// pathSegment returns the bounds in rest of the n-th (from 1) segment of the
// path at the start of rest: "/a/b?x" has segments a and b.
func pathSegment(rest string, n int) (a, b int, ok bool) {
	p := 0
	for k := 1; ; k++ {
		if p >= len(rest) || rest[p] != '/' {
			return 0, 0, false
		}
		a, b = p+1, p+1
		for b < len(rest) && rest[b] != '/' && rest[b] != '?' && rest[b] != '#' {
			b++
		}
		if k == n {
			return a, b, b > a
		}
		p = b
	}
}

// queryParam returns the bounds in rest of the value of query parameter
// name ("?name=v" or "&name=v").
func queryParam(rest, name string) (string, bool) {
	a, b, ok := queryParamAt(rest, name)
	return rest[a:b], ok
}

func queryParamAt(rest, name string) (a, b int, ok bool) {
	for k := 0; k < len(rest); k++ {
		if c := rest[k]; c != '?' && c != '&' {
			continue
		}
		v := k + 1 + len(name)
		if v < len(rest) && rest[v] == '=' && strings.EqualFold(rest[k+1:v], name) {
			e := v + 1
			for e < len(rest) && rest[e] != '&' && rest[e] != '#' {
				e++
			}
			return v + 1, e, e > v+1
		}
	}
	return 0, 0, false
}
