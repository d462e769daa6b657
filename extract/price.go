package extract

import "unicode/utf8"

// Prices.
//
// A price is an amount with a currency, in one of these shapes (any digit
// form, any spacing of up to two spaces between the parts):
//
//	5000$  5000 $  $5000  $ 5000  US$ 500  USD 500  €2500  5000 دولار
//	2,500 euro  2.500 €  ٥٬٠٠٠ دولار  1.5 مليون دينار  3 الاف دولار  5k$
//	3 الاف ونص دولار  الف ونص يورو  خمسمية دولار  عشرين الف دولار  3 alaf dolar
//	3 ورقات  (= 300 USD)  2 دفتر  (= 20,000 USD)  500 ليرة تركية  (TRY)
//
// Rules, each with its reason:
//   - A number alone is never a price: posts are full of years, counts,
//     distances and phone fragments. It needs a currency symbol, word, code
//     or dotted abbreviation (ل.س) before or after it.
//   - A multiplier (الف, الاف, تلاف, مليون, مية, k, alf) scales the number.
//     With a multiplier but no currency the amount is still reported, with
//     Currency "", when a price cue (السعر, بـ, مقابل, price…) stands right
//     before it: "الفيزا بـ 3 الاف" is money, "3 الاف مهاجر" (3,000 migrants,
//     a news phrase) is not.
//   - The slang units ورقة (a 100-dollar bill) and دفتر (10,000 dollars)
//     imply USD but only after a number, because both are everyday words.
//   - "ونص" / "و نص" adds half of the multiplier, "وربع" a quarter:
//     "3 الاف ونص" is 3,500, "الف ونص" 1,500.
//   - Separators: "," "٬" and "'" followed by exactly three digits group
//     thousands; "." and "٫" are decimal points, except that a single "."
//     followed by exactly three digits and no multiplier groups thousands
//     ("2.500 €" is 2,500 in the European style, "1.500 مليون" is 1.5
//     million); "," followed by one or two digits is a decimal comma.
//   - Bare currency words take the route's most likely currency (see
//     currencyWord): دينار IQD, ليرة SYP; a nationality adjective after the
//     word refines it (ليرة تركية TRY).
//   - An amount is at most 15 integer digits (longer runs are IDs) and must
//     be positive.

// amount is a number as read by parseAmount.
type amount struct {
	value float64 // with "." read as a decimal point
	// thousands is the value when a lone ".ddd" is read as a thousands
	// group ("2.500"), or 0 when the number has no such reading.
	thousands float64
	end       int
	ok        bool
}

// groupSep returns the thousands separator at t[i] and its size: a comma,
// a full stop, an apostrophe, or 'a' for the Arabic thousands separator
// U+066C.
func groupSep(t string, i int) (sep byte, size int) {
	if i >= len(t) {
		return 0, 0
	}
	switch t[i] {
	case ',', '.', '\'':
		return t[i], 1
	case 0xD9:
		if i+1 < len(t) && t[i+1] == 0xAC {
			return 'a', 2
		}
	}
	return 0, 0
}

// readDigits reads up to max digits at i; it returns their value, count and
// end. count is max+1 when more digits follow.
func readDigits(t string, i, max int) (v float64, count, end int) {
	for i < len(t) {
		d, n := digitAt(t, i)
		if n == 0 {
			break
		}
		if count == max {
			return v, count + 1, i
		}
		v = v*10 + float64(d)
		count++
		i += n
	}
	return v, count, i
}

// parseAmount reads the number whose first digit is at t[i].
func parseAmount(t string, i int) (a amount) {
	v, nd, j := readDigits(t, i, 15)
	if nd == 0 || nd > 15 {
		return a
	}
	var gsep byte
	groups := 0
	if nd <= 3 {
		for {
			sep, sn := groupSep(t, j)
			if sn == 0 || (groups > 0 && sep != gsep) {
				break
			}
			gv, gd, k := readDigits(t, j+sn, 3)
			if gd != 3 {
				break
			}
			gsep = sep
			groups++
			v = v*1000 + gv
			j = k
		}
	}
	if groups == 1 && gsep == '.' {
		// "2.500": thousands without a multiplier, 2.5 with one.
		a.thousands = v
		v /= 1000
		a.value, a.end, a.ok = v, j, true
		return a
	}
	// A decimal part: "." or "٫", or "," with one or two digits.
	if j < len(t) {
		n := 0
		switch {
		case t[j] == '.' && gsep != '.':
			n = 1
		case t[j] == 0xD9 && j+1 < len(t) && t[j+1] == 0xAB:
			n = 2
		case t[j] == ',' && gsep != ',':
			if _, fd, _ := readDigits(t, j+1, 3); fd == 1 || fd == 2 {
				n = 1
			}
		}
		if n > 0 {
			if f, fd, k := readDigits(t, j+n, 12); fd > 0 && fd <= 12 {
				for x := 0; x < fd; x++ {
					f /= 10
				}
				v += f
				j = k
			}
		}
	}
	a.value, a.end, a.ok = v, j, true
	return a
}

// priceFromNumber reads a price whose number starts at the digit t[i].
func (s *scanner) priceFromNumber(i int) (end int, ok bool) {
	a := parseAmount(s.t, i)
	if !a.ok {
		return i, false
	}
	return s.priceRest(i, a.value, a.thousands, a.end, false, "")
}

// priceAfter reads the amount at the digit t[k] after a currency symbol or
// code that starts at t[start].
func (s *scanner) priceAfter(start, k int, code string) (end int, ok bool) {
	a := parseAmount(s.t, k)
	if !a.ok {
		return start, false
	}
	return s.priceRest(start, a.value, a.thousands, a.end, false, code)
}

// priceFromWord reads a price opened by a spelled-out number (numberWord
// value v): "الفين دولار", "خمس تلاف يورو".
func (s *scanner) priceFromWord(w *word, v float64) (end int, ok bool) {
	return s.priceRest(w.start, v, 0, w.end, true, "")
}

// priceRest reads what follows a price's number at pos: a multiplier or a
// slang unit, a fraction, a currency. base is the number; thousands its
// other reading (parseAmount); fromWord says it was spelled out; code is the
// currency already read before the number.
func (s *scanner) priceRest(start int, base, thousands float64, pos int, fromWord bool, code string) (end int, ok bool) {
	t := s.t
	mult, magnitude, slang := 1.0, fromWord && base >= 100, false
	var w word
	if readWord(t, skipGap(t, pos, 2), &w) {
		if m, _ := lookupWord(&w, tabMultiplier); m > 0 && (!fromWord || m > base) {
			mult, magnitude, pos = m, true, w.end
		} else if m, _ := lookupWord(&w, tabSlang); m > 0 && (!fromWord || base < 100) {
			mult, slang, pos = m, true, w.end
		}
	}
	if mult == 1 && thousands > 0 {
		base = thousands
	}
	amt := base * mult
	if magnitude || slang {
		// The fraction is of the last magnitude named: "3 الاف ونص" adds
		// half a thousand, "الفين ونص" too, "مليون ونص" half a million.
		unit := mult
		if unit == 1 {
			unit = magnitudeOf(base)
		}
		if f, e := s.fraction(pos); f > 0 {
			amt += f * unit
			pos = e
		}
	}
	scale := 1.0
	if code == "" {
		if c, sc, e, ok := s.currencyAfter(pos); ok {
			code, scale, pos = c, sc, e
		}
	}
	if code == "" {
		switch {
		case slang:
			code = "USD"
		case magnitude && s.priceCueBefore(start):
		default:
			return start, false
		}
	}
	amt *= scale
	if !(amt > 0 && amt <= 1e15) {
		return start, false
	}
	s.addPrice(Price{Amount: amt, Currency: code, Start: start, End: pos})
	return pos, true
}

// magnitudeOf is the largest of 100, 1000 and a million that is at most v.
func magnitudeOf(v float64) float64 {
	switch {
	case v >= 1e6:
		return 1e6
	case v >= 1e3:
		return 1e3
	}
	return 1e2
}

// fraction reads "ونص", "ونصف", "وربع" or the split "و نص" at pos.
func (s *scanner) fraction(pos int) (f float64, end int) {
	t := s.t
	var w word
	if !readWord(t, skipGap(t, pos, 2), &w) || w.latin {
		return 0, pos
	}
	k := w.key()
	if f := halfWord(k); f > 0 {
		return f, w.end
	}
	if string(k) == arWaw {
		var w2 word
		if readWord(t, skipGap(t, w.end, 2), &w2) {
			if f := fracAfterWaw(w2.key()); f > 0 {
				return f, w2.end
			}
		}
	}
	return 0, pos
}

// currencyAfter reads a currency symbol, word (with its nationality
// adjective) or dotted abbreviation at pos, after at most two spaces.
func (s *scanner) currencyAfter(pos int) (code string, scale float64, end int, ok bool) {
	t := s.t
	p := skipGap(t, pos, 2)
	if p >= len(t) {
		return "", 0, pos, false
	}
	if t[p] == '$' {
		return "USD", 1, p + 1, true
	}
	if t[p] >= utf8.RuneSelf {
		r, n := utf8.DecodeRuneInString(t[p:])
		switch r {
		case '€':
			return "EUR", 1, p + n, true
		case '£':
			return "GBP", 1, p + n, true
		case '₺':
			return "TRY", 1, p + n, true
		case '₽':
			return "RUB", 1, p + n, true
		}
	}
	var w word
	if !readWord(t, p, &w) {
		return "", 0, pos, false
	}
	if c, e := dottedAbbrev(t, &w); c != "" {
		return c, 1, e, true
	}
	var fam family
	var it stemIter
	it.reset(&w)
	for k, ok := it.next(&w); ok; k, ok = it.next(&w) {
		if code, fam, scale = currencyWord(k); code != "" {
			break
		}
	}
	if code == "" {
		return "", 0, pos, false
	}
	end = w.end
	if fam != famNone {
		var q word
		if readWord(t, skipGap(t, end, 2), &q) && !q.latin {
			if c := qualifiedCurrency(fam, adjectiveStem(&q)); c != "" {
				code, end = c, q.end
			}
		}
	}
	return code, scale, end, true
}

// dottedAbbrev reads "ل.س"-style abbreviations: w is a one-letter Arabic
// word followed by "." and another one-letter word.
func dottedAbbrev(t string, w *word) (code string, end int) {
	if w.latin || w.n != 2 || w.end >= len(t) || t[w.end] != '.' {
		return "", 0
	}
	var w2 word
	if !readWord(t, w.end+1, &w2) || w2.latin || w2.n != 2 {
		return "", 0
	}
	if c := currencyAbbrev(string(w.b[:2]), string(w2.b[:2])); c != "" {
		return c, w2.end
	}
	return "", 0
}

// adjectiveStem cuts the article and the adjective ending from a folded,
// collapsed nationality adjective: العراقي → عراق, التركية → ترك,
// اللبنانية → لبنان, سوريا → سور.
func adjectiveStem(w *word) []byte {
	b := w.key()
	if p := w.prefix(); len(p) >= 4 && string(p[:4]) == arArticle && w.n > 6 {
		b = w.suffixKey(4)
	}
	switch {
	case len(b) > 6 && (string(b[len(b)-4:]) == "يه" || string(b[len(b)-4:]) == "يا"):
		b = b[:len(b)-4]
	case len(b) > 4 && (string(b[len(b)-2:]) == "ي" || string(b[len(b)-2:]) == "ه"):
		b = b[:len(b)-2]
	}
	return b
}

// priceCueBefore reports whether a price cue word (priceCue) ends right
// before start, with at most four spaces or ":", "=", "-" between. The look
// back is bounded, so the scan stays linear.
func (s *scanner) priceCueBefore(start int) bool {
	t := s.t
	j := start
	for steps := 0; j > 0 && steps < 4; steps++ {
		c := t[j-1]
		if c == ' ' || c == ':' || c == '=' || c == '-' || c == '\t' {
			j--
			continue
		}
		if j >= 2 && t[j-2] == 0xC2 && c == 0xA0 {
			j -= 2
			continue
		}
		break
	}
	k := j
	for k > 0 && j-k <= 2*wordCap {
		r, n := utf8.DecodeLastRuneInString(t[:k])
		if !(r < utf8.RuneSelf && isASCIILetter(byte(r))) && !isArabicWordRune(r) {
			break
		}
		k -= n
	}
	if k == j || j-k > 2*wordCap {
		return false
	}
	var w word
	if !readWord(t, k, &w) || w.end != j {
		return false
	}
	v, _ := lookupWord(&w, tabCue)
	return v != 0
}
