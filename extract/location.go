package extract

import (
	"strings"
	"unicode/utf8"
)

// Locations.
//
//   - Decimal coordinates: "53.9006, 27.5590", "53.9006,27.5590",
//     "53.9006 27.5590", "٥٣٫٩٠٠٦، ٢٧٫٥٥٩٠" (Arabic decimal separator and
//     comma), with optional signs, degree signs and N/S/E/W letters
//     ("53.9006°N 27.5590°E"; a pair written E first is swapped). Both numbers
//     need at least four decimals (about 11 m, what a phone's "share
//     location" gives), or two when both carry a hemisphere letter or a
//     degree sign: prices, versions and measurements rarely have four
//     decimals, coordinates typed by hand rarely have fewer than two.
//   - Degrees, minutes, seconds: 53°54'02"N 27°33'32.4"E, with ° º ˚, ' ′ ’ ´
//     and " ″ ” (or two apostrophes) as marks; hemisphere letters are
//     required (without them a DMS pair is rare and ambiguous).
//   - Map links (see mapLink): Google Maps, goo.gl/maps, maps.app.goo.gl,
//     Apple Maps, Waze, OpenStreetMap, Yandex; coordinates are read from the
//     link when it carries them, else Lat/Lon stay 0.
//   - Pins: the words of pinWord and the 📍 emoji, with zero coordinates.
//
// Latitude must be within ±90 and longitude within ±180, or nothing is
// reported.

// coords tries a coordinate pair whose first digit is at t[i]; start is the
// offset of its sign, or i.
func (s *scanner) coords(i, start int) (end int, ok bool) {
	t := s.t
	// Quick refusal: coordinates start with 1–3 digits then a decimal point
	// or a degree sign.
	j := skipDigits(t, i)
	if j-i > 9 || j >= len(t) {
		return i, false
	}
	switch {
	case t[j] == '.':
	case j+1 < len(t) && ((t[j] == 0xD9 && t[j+1] == 0xAB) || (t[j] == 0xC2 && (t[j+1] == 0xB0 || t[j+1] == 0xBA)) || (t[j] == 0xCB && t[j+1] == 0x9A)):
	default:
		return i, false
	}
	if lat, lon, e, ok := dmsPair(t, start); ok {
		s.addLocation(Location{Lat: lat, Lon: lon, Kind: KindCoords, Start: start, End: e})
		return e, true
	}
	if lat, lon, e, ok := decimalPair(t, start); ok {
		s.addLocation(Location{Lat: lat, Lon: lon, Kind: KindCoords, Start: start, End: e})
		return e, true
	}
	return i, false
}

// coordPart is one number of a coordinate pair.
type coordPart struct {
	v    float64
	end  int
	frac int  // decimals written
	deg  bool // a degree sign follows
	hemi byte // 'N', 'S', 'E', 'W' or 0
}

// signAt reads an optional sign at t[p]: it returns -1 or 1 and the offset
// after it.
func signAt(t string, p int) (float64, int) {
	if p < len(t) {
		switch {
		case t[p] == '-':
			return -1, p + 1
		case t[p] == '+':
			return 1, p + 1
		case p+2 < len(t) && t[p] == 0xE2 && t[p+1] == 0x88 && t[p+2] == 0x92:
			return -1, p + 3
		}
	}
	return 1, p
}

// degreeSignAt returns the size of a degree sign (° º ˚) at t[p].
func degreeSignAt(t string, p int) int {
	if p+1 < len(t) && ((t[p] == 0xC2 && (t[p+1] == 0xB0 || t[p+1] == 0xBA)) || (t[p] == 0xCB && t[p+1] == 0x9A)) {
		return 2
	}
	return 0
}

// hemisphereAt reads an N, S, E or W (either case) at t[p], after at most
// one space, that is not the start of a word.
func hemisphereAt(t string, p int) (byte, int) {
	q := skipGap(t, p, 1)
	if q < len(t) {
		switch c := t[q] &^ 0x20; c {
		case 'N', 'S', 'E', 'W':
			if q+1 >= len(t) || !isASCIIAlnum(t[q+1]) {
				return c, q + 1
			}
		}
	}
	return 0, p
}

// decimalCoord reads [sign] d{1,3} (.|٫) d+ [°] [N|S|E|W] at t[p].
func decimalCoord(t string, p int) (c coordPart, ok bool) {
	sign, p := signAt(t, p)
	ip, nd, p := readDigits(t, p, 3)
	if nd == 0 || nd > 3 || p >= len(t) {
		return c, false
	}
	switch {
	case t[p] == '.':
		p++
	case t[p] == 0xD9 && p+1 < len(t) && t[p+1] == 0xAB:
		p += 2
	default:
		return c, false
	}
	f, fd, p := readDigits(t, p, 12)
	if fd == 0 || fd > 12 {
		return c, false
	}
	for x := 0; x < fd; x++ {
		f /= 10
	}
	c.v, c.frac = sign*(ip+f), fd
	if n := degreeSignAt(t, p); n > 0 {
		c.deg = true
		p += n
	}
	c.hemi, p = hemisphereAt(t, p)
	c.end = p
	return c, true
}

// pairSep skips the separator between the two numbers of a pair: spaces,
// and at most one "," "،" or ";". It reports false when there is none.
func pairSep(t string, p int) (int, bool) {
	q := skipGap(t, p, 2)
	if q < len(t) {
		switch {
		case t[q] == ',' || t[q] == ';':
			return skipGap(t, q+1, 2), true
		case t[q] == 0xD8 && q+1 < len(t) && t[q+1] == 0x8C: // ،
			return skipGap(t, q+2, 2), true
		}
	}
	return q, q > p
}

// orient turns two parts into latitude and longitude by their hemisphere
// letters (a pair written E/W first is swapped; S and W are negative).
func orient(a, b coordPart) (lat, lon float64, ok bool) {
	isNS := func(h byte) bool { return h == 'N' || h == 'S' }
	isEW := func(h byte) bool { return h == 'E' || h == 'W' }
	switch {
	case (a.hemi == 0 || isNS(a.hemi)) && (b.hemi == 0 || isEW(b.hemi)):
	case isEW(a.hemi) && (b.hemi == 0 || isNS(b.hemi)), a.hemi == 0 && isNS(b.hemi):
		a, b = b, a
	default:
		return 0, 0, false
	}
	lat, lon = a.v, b.v
	if a.hemi == 'S' {
		lat = -lat
	}
	if b.hemi == 'W' {
		lon = -lon
	}
	if lat < -90 || lat > 90 || lon < -180 || lon > 180 {
		return 0, 0, false
	}
	return lat, lon, true
}

// coordEnd reports whether a pair may end at p: not inside a longer number
// or word.
func coordEnd(t string, p int) bool {
	if p >= len(t) {
		return true
	}
	if isDigitAt(t, p) || isASCIIAlnum(t[p]) {
		return false
	}
	if (t[p] == '.' || t[p] == ',') && isDigitAt(t, p+1) {
		return false
	}
	return true
}

func decimalPair(t string, p int) (lat, lon float64, end int, ok bool) {
	a, ok := decimalCoord(t, p)
	if !ok {
		return 0, 0, p, false
	}
	q, ok := pairSep(t, a.end)
	if !ok {
		return 0, 0, p, false
	}
	b, ok := decimalCoord(t, q)
	if !ok || !coordEnd(t, b.end) {
		return 0, 0, p, false
	}
	minFrac := min(a.frac, b.frac)
	marked := (a.hemi != 0 && b.hemi != 0) || (a.deg && b.deg)
	if minFrac < 2 || (minFrac < 4 && !marked) {
		return 0, 0, p, false
	}
	lat, lon, ok = orient(a, b)
	return lat, lon, b.end, ok
}

// markAt returns the size of one of the given marks at t[p]: minute marks
// (' ′ ’ ´) when second is false, second marks (" ″ ” or two apostrophes)
// when true.
func markAt(t string, p int, second bool) int {
	if p >= len(t) {
		return 0
	}
	if second {
		switch {
		case t[p] == '"':
			return 1
		case t[p] == '\'' && p+1 < len(t) && t[p+1] == '\'':
			return 2
		}
		if r, n := utf8.DecodeRuneInString(t[p:]); r == '″' || r == '”' {
			return n
		}
		return 0
	}
	if t[p] == '\'' {
		return 1
	}
	if r, n := utf8.DecodeRuneInString(t[p:]); r == '′' || r == '’' || r == '´' {
		return n
	}
	return 0
}

// dmsCoord reads d{1,3}° m{1,2}[.m]' [s{1,2}[.s]"] H at t[p].
func dmsCoord(t string, p int) (c coordPart, ok bool) {
	deg, nd, p := readDigits(t, p, 3)
	if nd == 0 || nd > 3 {
		return c, false
	}
	n := degreeSignAt(t, p)
	if n == 0 {
		return c, false
	}
	p = skipGap(t, p+n, 1)
	minutes, ok := dmsNumber(t, &p)
	if !ok || minutes >= 60 {
		return c, false
	}
	if n = markAt(t, p, false); n == 0 {
		return c, false
	}
	p += n
	v := deg + minutes/60
	q := skipGap(t, p, 1)
	if isDigitAt(t, q) {
		sec, ok := dmsNumber(t, &q)
		n := markAt(t, q, true)
		if !ok || sec >= 60 || n == 0 {
			return c, false
		}
		v += sec / 3600
		p = q + n
	}
	c.hemi, p = hemisphereAt(t, p)
	if c.hemi == 0 {
		return c, false
	}
	c.v, c.end, c.deg = v, p, true
	return c, true
}

// dmsNumber reads d{1,2}[.d+] at *p for minutes or seconds.
func dmsNumber(t string, p *int) (float64, bool) {
	v, nd, q := readDigits(t, *p, 2)
	if nd == 0 || nd > 2 {
		return 0, false
	}
	if q < len(t) && t[q] == '.' && isDigitAt(t, q+1) {
		f, fd, e := readDigits(t, q+1, 9)
		if fd > 9 {
			return 0, false
		}
		for x := 0; x < fd; x++ {
			f /= 10
		}
		v += f
		q = e
	}
	*p = q
	return v, true
}

func dmsPair(t string, p int) (lat, lon float64, end int, ok bool) {
	if p < len(t) && !isDigitAt(t, p) {
		return 0, 0, p, false // DMS has no sign: the hemisphere says it
	}
	a, ok := dmsCoord(t, p)
	if !ok {
		return 0, 0, p, false
	}
	q, ok := pairSep(t, a.end)
	if !ok {
		return 0, 0, p, false
	}
	b, ok := dmsCoord(t, q)
	if !ok || !coordEnd(t, b.end) {
		return 0, 0, p, false
	}
	if (a.hemi == 'N' || a.hemi == 'S') == (b.hemi == 'N' || b.hemi == 'S') {
		return 0, 0, p, false
	}
	lat, lon, ok = orient(a, b)
	return lat, lon, b.end, ok
}

// mapLink reports whether the URL u (host lower-cased, "www." cut) is a maps
// link, and reads its coordinates when it carries them.
func (s *scanner) mapLink(u urlSpan, host string) {
	t := s.t
	rest := t[u.hostEnd:u.end]
	yandex := false
	switch {
	case strings.HasPrefix(host, "maps.google."), host == "maps.app.goo.gl",
		strings.HasPrefix(host, "google.") && strings.HasPrefix(rest, "/maps"),
		host == "goo.gl" && strings.HasPrefix(rest, "/maps"),
		host == "maps.apple.com", host == "waze.com", host == "ul.waze.com",
		host == "openstreetmap.org", host == "osm.org":
	case strings.HasPrefix(host, "maps.yandex."), strings.HasPrefix(host, "yandex.") && strings.HasPrefix(rest, "/maps"):
		yandex = true
	default:
		return
	}
	loc := Location{Kind: KindMapLink, Start: u.start, End: u.end}
	if lat, lon, ok := linkCoords(rest, yandex); ok {
		loc.Lat, loc.Lon = lat, lon
	}
	s.addLocation(loc)
}

// linkCoords finds coordinates in a maps link's path and query. The exact
// pin of a Google place link ("!3dLAT!4dLON") wins over a query and the
// query over the map's viewport ("@LAT,LON,15z"). Yandex writes LON,LAT.
func linkCoords(rest string, yandex bool) (lat, lon float64, ok bool) {
	if k := strings.Index(rest, "!3d"); k >= 0 {
		if a, e, ok := parseSignedDecimal(rest, k+3); ok && strings.HasPrefix(rest[e:], "!4d") {
			if b, _, ok := parseSignedDecimal(rest, e+3); ok {
				return validLatLon(a, b)
			}
		}
	}
	if k := strings.Index(rest, "#map="); k >= 0 { // OpenStreetMap: #map=zoom/lat/lon
		p := k + 5
		for p < len(rest) && rest[p] != '/' {
			p++
		}
		if lat, lon, ok := latLonAt(rest, p+1); ok {
			return lat, lon, true
		}
	}
	names := [...]string{"q", "query", "ll", "destination", "daddr", "center", "sll", "pt"}
	for _, name := range names {
		if v, ok := queryParam(rest, name); ok {
			if strings.HasPrefix(v, "loc:") {
				v = v[4:]
			}
			if a, b, ok := latLonAt(v, 0); ok {
				if yandex {
					a, b = b, a
				}
				if lat, lon, ok := validLatLon(a, b); ok {
					return lat, lon, true
				}
			}
		}
	}
	if k := strings.Index(rest, "/@"); k >= 0 {
		if lat, lon, ok := latLonAt(rest, k+2); ok {
			return lat, lon, true
		}
	}
	return 0, 0, false
}

// latLonAt reads "A,B", "A%2CB", "A/B" or "A, B" (space as "+" or "%20")
// at s[p] and validates it as latitude, longitude.
func latLonAt(s string, p int) (lat, lon float64, ok bool) {
	a, e, ok := parseSignedDecimal(s, p)
	if !ok {
		return 0, 0, false
	}
	switch {
	case e < len(s) && (s[e] == ',' || s[e] == '/'):
		e++
	case strings.HasPrefix(s[e:], "%2C"), strings.HasPrefix(s[e:], "%2c"):
		e += 3
	default:
		return 0, 0, false
	}
	switch {
	case e < len(s) && (s[e] == '+' || s[e] == ' '):
		e++
	case strings.HasPrefix(s[e:], "%20"):
		e += 3
	}
	b, _, ok := parseSignedDecimal(s, e)
	if !ok {
		return 0, 0, false
	}
	return validLatLon(a, b)
}

func validLatLon(lat, lon float64) (float64, float64, bool) {
	if lat < -90 || lat > 90 || lon < -180 || lon > 180 {
		return 0, 0, false
	}
	return lat, lon, true
}

// parseSignedDecimal reads [-]d+[.d+] (ASCII, as in links) at s[p].
func parseSignedDecimal(s string, p int) (v float64, end int, ok bool) {
	sign := 1.0
	if p < len(s) && s[p] == '-' {
		sign = -1
		p++
	}
	ip, nd, p := readDigits(s, p, 3)
	if nd == 0 || nd > 3 {
		return 0, p, false
	}
	v = ip
	if p < len(s) && s[p] == '.' {
		f, fd, e := readDigits(s, p+1, 15)
		if fd > 15 {
			return 0, p, false
		}
		for x := 0; x < fd; x++ {
			f /= 10
		}
		v += f
		p = e
	}
	return sign * v, p, true
}
