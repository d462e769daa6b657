package extract

// Phone numbers.
//
// A phone is a run of digit groups (any digit form, mixed) joined by at most
// three separator runes each: space, no-break space, dash, dot, slash,
// parentheses and the invisible bidi marks and joiners RTL editors insert.
// It is reported only when it validates:
//
//   - "+" (or fullwidth "＋") or "00" then a country code from callingCode and
//     an NSN of that country's length. A trunk 0 after the code, as in
//     "+964 0770…" or "+49 (0)176…", is dropped (except for Italy, where the
//     0 belongs to the number). A "+" number with a code not in the table is
//     still reported, with Country "", when it has 8–15 digits: the explicit
//     "+" is strong evidence.
//   - A trailing "+" ("9647700001234+") is read as a leading one: RTL
//     editors move it there when Arabic text surrounds the number.
//   - A national format that only one of the route's countries uses
//     (nationalFormat).
//   - wa.me/<digits>, api.whatsapp.com/send?phone=<digits>, viber and signal
//     links (linkPhone), which carry an international number without "+";
//     tel: links need nothing special.
//
// Bare digits that merely start with a country code ("375291234567") are not
// phones outside those links: order numbers, Facebook IDs and amounts look
// the same, and the cost of a false phone (a post flagged for a "contact") is
// higher than that of a missed one.
//
// Not phones, by construction: prices and years (too short), dates (three
// groups joined by one "/", "." or "-" in a date's shape), times (":" is no
// separator), coordinates (the location scanner runs first), long IDs (a run
// of more than 15 digits never validates and is skipped whole), amounts with
// thousands separators ("," is no separator; "1.500.000" has no prefix),
// digits glued to Latin letters (IDs, Arabizi) and digits inside URLs (URLs
// are consumed whole; only phone links yield a phone).
//
// When a run of groups does not validate as a whole, its longest valid
// prefix is taken, so "0770 000 1234 / 0780 000 1234" gives two phones and
// "0770 000 1234 5" one.

const (
	maxCandDigits = 17 // a phone with its "00"
	maxGroups     = 16
)

// Separator kinds seen in the gap before a digit group.
const (
	gapSpace uint8 = 1 << iota
	gapDash
	gapDot
	gapSlash
	gapOpen
	gapClose
	gapInvisible
)

type digitGroup struct {
	start, end int   // bytes of the group in the text
	d0, d1     int   // its digits in phoneCand.digits
	gap        uint8 // separators between the previous group and this one
	// Running facts about groups 0..this one, so that checking a prefix of
	// the groups costs O(1): the separators seen, the longest group.
	gaps   uint8
	maxLen int
}

type phoneCand struct {
	digits [maxCandDigits]byte // ASCII digits
	nd     int
	groups [maxGroups]digitGroup
	ng     int
	ascii  bool // every digit is an ASCII digit
}

// collect reads digit groups starting at the digit at t[i], at most
// maxDigits digits: a group that would cross the bound is no part of a
// phone and is left out.
func (c *phoneCand) collect(t string, i, maxDigits int) {
	c.nd, c.ng, c.ascii = 0, 0, true
	pos := i
	var gap uint8
	for c.ng < maxGroups {
		g := digitGroup{start: pos, d0: c.nd, gap: gap}
		for pos < len(t) {
			d, n := digitAt(t, pos)
			if n == 0 {
				break
			}
			if c.nd == maxDigits {
				c.nd = g.d0
				return
			}
			c.digits[c.nd] = byte('0' + d)
			c.nd++
			if n != 1 {
				c.ascii = false
			}
			pos += n
		}
		g.end, g.d1 = pos, c.nd
		g.gaps, g.maxLen = gap, g.d1-g.d0
		if c.ng > 0 {
			prev := &c.groups[c.ng-1]
			g.gaps |= prev.gaps
			g.maxLen = max(g.maxLen, prev.maxLen)
		}
		c.groups[c.ng] = g
		c.ng++
		next, bits, ok := phoneGap(t, pos)
		if !ok {
			return
		}
		pos, gap = next, bits
	}
}

// phoneGap reads the separators between two digit groups at t[j]: one to
// three runes, at most two of them spaces, and a digit after. ok is false
// when no group follows.
func phoneGap(t string, j int) (next int, gap uint8, ok bool) {
	runes, spaces := 0, 0
	for j < len(t) && runes < 3 {
		n, bit := 1, uint8(0)
		switch t[j] {
		case ' ':
			bit = gapSpace
			spaces++
		case '-':
			bit = gapDash
		case '.':
			bit = gapDot
		case '/':
			bit = gapSlash
		case '(':
			bit = gapOpen
		case ')':
			bit = gapClose
		default:
			if n = spaceAt(t, j); n > 0 {
				bit = gapSpace
				spaces++
			} else if n = invisibleAt(t, j); n > 0 {
				bit = gapInvisible
			} else if n = dashAt(t, j); n > 0 {
				bit = gapDash
			}
		}
		if bit == 0 {
			break
		}
		gap |= bit
		j += n
		runes++
	}
	return j, gap, gap != 0 && spaces <= 2 && isDigitAt(t, j)
}

// digitRunEnd returns the end of the run of digit groups at t[i] (digits
// and phone separators, no bound).
func digitRunEnd(t string, i int) int {
	for {
		i = skipDigits(t, i)
		next, _, ok := phoneGap(t, i)
		if !ok {
			return i
		}
		i = next
	}
}

// dashAt returns the size of a Unicode dash (U+2010–U+2015) or minus sign
// (U+2212) at t[i].
func dashAt(t string, i int) int {
	if t[i] == 0xE2 && i+2 < len(t) {
		if t[i+1] == 0x80 && t[i+2] >= 0x90 && t[i+2] <= 0x95 {
			return 3
		}
		if t[i+1] == 0x88 && t[i+2] == 0x92 {
			return 3
		}
	}
	return 0
}

// phone tries to read a phone number whose first digit is at t[i]; plusAt is
// the offset of a leading "+" or -1. It appends the phone and returns the
// offset after it.
//
// The candidate lives in the scanner, so a post full of short numbers does
// not zero a fresh one at every digit.
func (s *scanner) phone(i, plusAt int) (end int, ok bool) {
	// Which readings can apply decides how far to read and which prefixes
	// are worth checking: "+" (up to 15 digits), "00" (up to 17), a national
	// format (8 to 12 digits, led by 0 or 8), a trailing "+" after the run.
	t := s.t
	lead, n := digitAt(t, i)
	second := -1
	if isDigitAt(t, i+n) {
		second, _ = digitAt(t, i+n)
	}
	national := plusAt < 0 && (lead == 0 || lead == 8)
	intl00 := plusAt < 0 && lead == 0 && second == 0
	maxDigits := 15
	switch {
	case intl00:
		maxDigits = 17
	case national:
		maxDigits = 12
	case plusAt < 0:
		// Only a trailing "+" can make this a phone. Whether the run ends
		// with one is found once per run, not at each of its digits, so a
		// long run of short numbers ("1-1-1-1…") stays cheap.
		if i >= s.runTo {
			s.runTo = digitRunEnd(t, i)
		}
		if s.runTo >= len(t) || t[s.runTo] != '+' {
			return i, false
		}
	}
	c := &s.cand
	c.collect(t, i, maxDigits)
	if c.ng == 0 {
		return i, false
	}
	lastEnd := c.groups[c.ng-1].end
	trailingPlus := plusAt < 0 && lastEnd < len(t) && t[lastEnd] == '+'
	for e := c.ng - 1; e >= 0; e-- {
		nd := c.groups[e].d1
		if nd < 7 {
			break // shorter than any phone, and shorter still for smaller e
		}
		if plusAt >= 0 {
			if nd > 15 {
				continue
			}
		} else if !(intl00 && nd <= 17 || national && nd >= 8 && nd <= 12 || trailingPlus && e == c.ng-1 && nd <= 15) {
			continue
		}
		if p, ok := s.validatePhone(c, e, i, plusAt); ok {
			s.addPhone(p)
			return p.End, true
		}
	}
	return i, false
}

// validatePhone checks groups 0..e of c as one phone number.
func (s *scanner) validatePhone(c *phoneCand, e, i, plusAt int) (Phone, bool) {
	t := s.t
	g := c.groups[:e+1]
	last := g[e]
	d := c.digits[:last.d1]
	if len(d) < 7 {
		return Phone{}, false
	}
	end := last.end
	if end < len(t) && (isASCIILetter(t[end]) || t[end] == '_') {
		return Phone{}, false // glued to a word: an ID, not a number
	}
	if dateShaped(t, g) {
		return Phone{}, false
	}
	if last.gaps&gapDot != 0 && last.maxLen > 4 {
		return Phone{}, false // "53.9006": a decimal, not a dotted phone
	}

	start := i
	if plusAt >= 0 {
		start = plusAt
	} else if i > 0 && t[i-1] == '(' && last.gaps&gapClose != 0 {
		start = i - 1 // "(0770) 000 1234": the parenthesis is part of it
	}

	var n phoneNumber
	var region string
	var ok bool
	switch {
	case plusAt >= 0:
		n, region, ok = intlNumber(d, true)
	case len(d) > 2 && d[0] == '0' && d[1] == '0' && g[0].d1-g[0].d0 >= 2:
		n, region, ok = intlNumber(d[2:], false)
	default:
		n.cc, n.nsn, region, ok = nationalFormat(d)
		n.rebuilt = true
		if !ok && end < len(t) && t[end] == '+' {
			n, region, ok = intlNumber(d, true)
			n.rebuilt = true
			end++
		}
	}
	if !ok {
		return Phone{}, false
	}
	p := Phone{Country: region, Start: start, End: end}
	// A contiguous ASCII "+<digits>" is its own E.164 form: return the
	// substring and allocate nothing.
	switch {
	case s.want&wantPhones == 0: // claimed, not reported: build nothing
	case plusAt >= 0 && t[plusAt] == '+' && plusAt+1 == i && e == 0 && c.ascii && !n.rebuilt:
		p.E164 = t[plusAt:end]
	default:
		p.E164 = n.e164()
	}
	return p, true
}

// dateShaped reports whether three groups joined by one "/", "." or "-"
// each, with no space, have the shape of a date: 2021/11/08, 08.11.2021,
// 8-11-21. Such a run is never a phone, even where its digits would make one
// (03/11/2021 has the length of a Lebanese mobile).
func dateShaped(t string, g []digitGroup) bool {
	if len(g) != 3 {
		return false
	}
	sep := g[1].gap
	if sep != gapSlash && sep != gapDot && sep != gapDash || g[2].gap != sep {
		return false
	}
	if g[1].start-g[0].end != 1 || g[2].start-g[1].end != 1 {
		return false
	}
	a, b, c := g[0].d1-g[0].d0, g[1].d1-g[1].d0, g[2].d1-g[2].d0
	return (a == 4 && b <= 2 && c <= 2) || (a <= 2 && b <= 2 && (c == 2 || c == 4))
}

// phoneNumber is a validated number, split into country code and NSN. The
// code is cc (a constant, national formats) or ccDigits (a slice of the
// digits read, international numbers): never a string built from the
// digits, which would allocate for every candidate.
type phoneNumber struct {
	cc       string
	ccDigits []byte
	nsn      []byte
	rebuilt  bool // E.164 differs from the digits as written
}

func (n *phoneNumber) e164() string {
	var buf [1 + 15]byte
	buf[0] = '+'
	k := 1 + copy(buf[1:], n.cc)
	k += copy(buf[k:], n.ccDigits)
	k += copy(buf[k:], n.nsn)
	return string(buf[:k])
}

// intlNumber validates d (digits after "+" or "00") as country code + NSN.
// explicitPlus allows a code missing from the table (Country ""). The region
// is returned apart from n: escape analysis does not tell a struct's fields
// apart, and a region inside n would look like a pointer into d.
func intlNumber(d []byte, explicitPlus bool) (n phoneNumber, region string, ok bool) {
	for l := 1; l <= 3 && l < len(d); l++ {
		reg, min, max, known := callingCode(string(d[:l]))
		if !known {
			continue
		}
		region = reg
		cc, nsn := d[:l], d[l:]
		italy := string(cc) == "39"
		if len(nsn) > 0 && nsn[0] == '0' && !italy {
			nsn = nsn[1:] // trunk prefix written after the code
			n.rebuilt = true
		}
		if len(nsn) < min || len(nsn) > max || l+len(nsn) > 15 || (nsn[0] == '0' && !italy) {
			return n, "", false
		}
		switch string(cc) {
		case "1":
			if nsn[0] < '2' || nsn[3] < '2' {
				return n, "", false
			}
			if canadianAreaCode(string(nsn[:3])) {
				region = "CA"
			}
		case "7":
			if nsn[0] == '6' || nsn[0] == '7' {
				region = "KZ"
			}
		}
		n.ccDigits, n.nsn = cc, nsn
		return n, region, true
	}
	// Codes are prefix-free, so no table code matched: an unlisted country.
	if explicitPlus && len(d) >= 8 && len(d) <= 15 && d[0] != '0' {
		n.nsn = d
		return n, "", true
	}
	return n, "", false
}

// linkPhone reads the number in a phone link (wa.me/<n>, ?phone=<n>,
// ?number=<n>, #p/<n>) at t[a:b]. Such links carry the international number
// without "+", sometimes with "+", "%2B" or "00"; a national number
// (wa.me/0770…, a broken link that still names a contact) is the fallback.
// The span covers the digits and a literal "+".
func (s *scanner) linkPhone(a, b int) {
	t := s.t
	plus := -1
	j := a
	if j < b && t[j] == '+' {
		plus = j
		j++
	} else if j+3 <= b && t[j] == '%' && t[j+1] == '2' && (t[j+2] == 'B' || t[j+2] == 'b') {
		j += 3
	}
	k := j
	for k < b && isASCIIDigit(t[k]) {
		k++
	}
	if k-j < 7 || k-j > 17 || (k < len(t) && isASCIIAlnum(t[k])) {
		return
	}
	var buf [17]byte
	d := buf[:copy(buf[:], t[j:k])]
	var n phoneNumber
	var region string
	var ok bool
	switch {
	case len(d) > 2 && d[0] == '0' && d[1] == '0':
		n, region, ok = intlNumber(d[2:], false)
		n.rebuilt = true
	case plus >= 0:
		n, region, ok = intlNumber(d, true)
	default:
		if n, region, ok = intlNumber(d, false); !ok {
			n.cc, n.nsn, region, ok = nationalFormat(d)
		}
		n.rebuilt = true
	}
	if !ok {
		return
	}
	p := Phone{Country: region, Start: j, End: k}
	if plus >= 0 {
		p.Start = plus
	}
	switch {
	case s.want&wantPhones == 0:
	case plus >= 0 && !n.rebuilt:
		p.E164 = t[plus:k]
	default:
		p.E164 = n.e164()
	}
	s.addPhone(p)
}
