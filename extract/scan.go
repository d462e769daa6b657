package extract

import "unicode/utf8"

// The scanner makes one forward pass over the text and dispatches on the
// byte at the current offset: a URL token, a number, a sign, a currency
// symbol, an "@", a word. Each handler consumes what it recognises and
// returns the offset after it, so no byte is the start of more than a
// bounded amount of work and the pass is linear. Handlers run in a fixed
// priority at one offset (URL, then coordinates, then phone, then price), so
// a span is claimed by exactly one kind, whichever kinds the caller wants.

type want uint8

const (
	wantPhones want = 1 << iota
	wantPrices
	wantHandles
	wantURLs
	wantLocations
	wantAll = wantPhones | wantPrices | wantHandles | wantURLs | wantLocations
)

// scanner holds the text and the results by value: escape analysis is not
// field-sensitive, and a *Signals field next to the text would make every
// caller's Signals escape to the heap.
type scanner struct {
	t    string
	out  Signals
	want want

	// Platform context for bare @names (platformBefore): the words before
	// ctxPos have been read, and ctxPlatform is the platform named last on
	// ctxPos's line.
	ctxPos      int
	ctxPlatform string

	cand  phoneCand // scratch for phone
	runTo int       // end of the last digit run measured by phone
}

func (s *scanner) addPhone(p Phone) {
	if s.want&wantPhones != 0 {
		s.out.Phones = append(s.out.Phones, p)
	}
}

func (s *scanner) addPrice(p Price) {
	if s.want&wantPrices != 0 {
		s.out.Prices = append(s.out.Prices, p)
	}
}

func (s *scanner) addHandle(h Handle) {
	if s.want&wantHandles != 0 {
		s.out.Handles = append(s.out.Handles, h)
	}
}

func (s *scanner) addLocation(l Location) {
	if s.want&wantLocations != 0 {
		s.out.Locations = append(s.out.Locations, l)
	}
}

func (s *scanner) run() {
	t := s.t
	for i := 0; i < len(t); {
		next := s.step(i)
		if next <= i { // never happens; a guard against an endless loop
			next = i + 1
		}
		i = next
	}
}

// step handles the text at offset i and returns the offset to go on from.
func (s *scanner) step(i int) int {
	t := s.t
	c := t[i]
	if c < utf8.RuneSelf {
		switch {
		case isASCIIAlnum(c):
			return s.alnum(i)
		case c == '+':
			return s.plus(i, 1)
		case c == '$':
			return s.symbol(i, i+1, "USD")
		case c == '@':
			return s.at(i)
		case c == '-':
			return s.minus(i, 1)
		}
		return i + 1
	}
	if c >= 0xD8 && c <= 0xDB && i+1 < len(t) {
		k := (int(c&0x03)<<6 | int(t[i+1]&0x3F)) * 2
		if t[i+1]&0xC0 == 0x80 && arabicFoldTable[k] != 0xFF { // an Arabic letter: the common case
			return s.arabicWord(i)
		}
	}
	r, n := decodeRune(t, i)
	switch {
	case isArabicWordRune(r):
		return s.arabicWord(i)
	case r >= 0x0660 && r <= 0x0669, r >= 0x06F0 && r <= 0x06F9, r >= 0xFF10 && r <= 0xFF19:
		return s.number(i)
	case r == '€':
		return s.symbol(i, i+n, "EUR")
	case r == '£':
		return s.symbol(i, i+n, "GBP")
	case r == '₺':
		return s.symbol(i, i+n, "TRY")
	case r == '₽':
		return s.symbol(i, i+n, "RUB")
	case r == '−':
		return s.minus(i, n)
	case r == '＋':
		return s.plus(i, n)
	case r == '📍':
		end := i + n
		if end+3 <= len(t) && t[end:end+3] == "\uFE0F" {
			end += 3
		}
		s.addLocation(Location{Kind: KindPin, Start: i, End: end})
		return end
	}
	return i + n
}

// alnum handles an ASCII letter or digit: a URL when one starts here, else
// a number or a Latin word.
func (s *scanner) alnum(i int) int {
	t := s.t
	if urlTokenStart(t, i) {
		if u, ok := scanURL(t, i); ok {
			s.onURL(u)
			return u.end
		}
	}
	if isASCIIDigit(t[i]) {
		return s.number(i)
	}
	var w word
	readWord(t, i, &w)
	return s.latinWord(&w)
}

// number handles a digit (any form) that starts a number.
func (s *scanner) number(i int) int {
	t := s.t
	if i > 0 && (isASCIILetter(t[i-1]) || t[i-1] == '_') {
		return skipToken(t, i) // digits glued to a Latin word: an ID or Arabizi
	}
	if end, ok := s.coords(i, i); ok {
		return end
	}
	if end, ok := s.phone(i, -1); ok {
		return end
	}
	if end, ok := s.priceFromNumber(i); ok {
		return end
	}
	return skipNumber(t, i)
}

// plus handles "+" (n bytes): the prefix of an international number when a
// digit follows (after at most one space) and no digit precedes ("5+5").
func (s *scanner) plus(i, n int) int {
	t := s.t
	j := i + n
	if j < len(t) && t[j] == ' ' {
		j++
	}
	if isDigitAt(t, j) && !digitEndsAt(t, i) {
		if end, ok := s.phone(j, i); ok {
			return end
		}
	}
	return i + n
}

// minus handles "-" or "−" (n bytes): the sign of a coordinate.
func (s *scanner) minus(i, n int) int {
	t := s.t
	j := i + n
	if isDigitAt(t, j) && !digitEndsAt(t, i) && (i == 0 || !isASCIIAlnum(t[i-1])) {
		if end, ok := s.coords(j, i); ok {
			return end
		}
	}
	return i + n
}

// symbol handles a currency symbol at t[i:j] written before an amount:
// "$5000", "€ 2500".
func (s *scanner) symbol(i, j int, code string) int {
	k := skipGap(s.t, j, 1)
	if isDigitAt(s.t, k) && !digitEndsAt(s.t, i) {
		if end, ok := s.priceAfter(i, k, code); ok {
			return end
		}
	}
	return j
}

// arabicWord handles an Arabic-script word: a location pin word or a
// spelled-out number that opens a price.
func (s *scanner) arabicWord(i int) int {
	var w word
	readWord(s.t, i, &w)
	return s.classifyWord(&w)
}

// latinWord handles a Latin word that is not a URL.
func (s *scanner) latinWord(w *word) int {
	t := s.t
	if w.n == 2 && w.b[0] == 'u' && w.b[1] == 's' && w.end < len(t) && t[w.end] == '$' {
		return s.symbol(w.start, w.end+1, "USD") // "US$ 500"
	}
	if code, _, _ := currencyWord(w.key()); code != "" { // "USD 500", "eur 300"
		if p := skipGap(t, w.end, 1); isDigitAt(t, p) {
			if end, ok := s.priceAfter(w.start, p, code); ok {
				return end
			}
		}
	}
	return s.classifyWord(w)
}

// classifyWord looks a word and its stems up in the pin and number tables.
func (s *scanner) classifyWord(w *word) int {
	var it stemIter
	it.reset(w)
	for k, ok := it.next(w); ok; k, ok = it.next(w) {
		if pinWord(k) {
			s.addLocation(Location{Kind: KindPin, Start: w.start, End: w.end})
			return w.end
		}
		if v := numberWord(k); v > 0 {
			if end, ok := s.priceFromWord(w, v); ok {
				return end
			}
			break
		}
	}
	return w.end
}

// skipNumber skips a number the scanners did not claim, with its internal
// decimal and thousands separators, so no tail of it is read again as a
// number of its own ("1.5000" is not "5000").
func skipNumber(t string, i int) int {
	i = skipDigits(t, i)
	for i < len(t) {
		n := 0
		switch t[i] {
		case '.', ',':
			n = 1
		case 0xD9:
			if i+1 < len(t) && (t[i+1] == 0xAB || t[i+1] == 0xAC) { // ٫ ٬
				n = 2
			}
		}
		if n == 0 || !isDigitAt(t, i+n) {
			break
		}
		i = skipDigits(t, i+n)
	}
	return i
}

// skipToken skips a run of ASCII letters, digits (any form) and "_".
func skipToken(t string, i int) int {
	for i < len(t) {
		if c := t[i]; isASCIIAlnum(c) || c == '_' {
			i++
			continue
		}
		_, n := digitAt(t, i)
		if n == 0 {
			break
		}
		i += n
	}
	return i
}
