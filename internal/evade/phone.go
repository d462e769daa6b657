package evade

import (
	"math/rand/v2"
	"strings"
	"unicode/utf8"
)

// minPhoneDigits is how many digits make a run look like a phone number.
const minPhoneDigits = 7

// digitValue returns the value of a Latin, Arabic-Indic or Extended
// Arabic-Indic digit, or -1.
func digitValue(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= '٠' && r <= '٩':
		return int(r - '٠')
	case r >= '۰' && r <= '۹':
		return int(r - '۰')
	}
	return -1
}

// isPhoneSep reports whether c may stand alone between the digits of a
// phone number. PhoneDigits writes only these, so removing them and
// folding the digits gives back the same number.
func isPhoneSep(c byte) bool { return c == ' ' || c == '.' || c == '-' }

// scanPhone reads a run of digits at s[i:], maybe after a +, with single
// separators between digits. It returns where the run ends, its digits,
// and whether it is shaped like a phone number (see PhoneDigits).
func scanPhone(s string, i int, digits []int) (end int, _ []int, phone bool) {
	j := i
	plus := j < len(s) && s[j] == '+'
	if plus {
		j++
	}
	end = j
	groups, group, longest := 0, 0, 0
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if d := digitValue(r); d >= 0 {
			if group == 0 {
				groups++
			}
			group++
			longest = max(longest, group)
			digits = append(digits, d)
			j += n
			end = j
			continue
		}
		if len(digits) > 0 && isPhoneSep(s[j]) && j+1 < len(s) {
			if r, _ := utf8.DecodeRuneInString(s[j+1:]); digitValue(r) >= 0 {
				group = 0
				j++
				continue
			}
		}
		break
	}
	phone = len(digits) >= minPhoneDigits &&
		(plus || digits[0] == 0 || longest >= minPhoneDigits || groups >= 3 && len(digits) >= 9)
	return end, digits, phone
}

// writePhones copies s to b with every phone-number-like run rewritten.
func writePhones(b *strings.Builder, s string, rng *rand.Rand) {
	var digits []int
	last := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r != '+' && digitValue(r) < 0 {
			i += n
			continue
		}
		end, ds, phone := scanPhone(s, i, digits[:0])
		digits = ds
		if !phone {
			i = max(end, i+n)
			continue
		}
		b.WriteString(s[last:i])
		if s[i] == '+' {
			b.WriteByte('+')
		}
		writeDigits(b, digits, rng)
		last, i = end, end
	}
	b.WriteString(s[last:])
}

// digitZero holds the zero of each digit script: Latin, Arabic-Indic,
// Extended Arabic-Indic (Persian and Urdu).
var digitZero = [...]rune{'0', '٠', '۰'}

// writeDigits writes digits in a mix of scripts, in groups of two to five
// digits or one by one, with spaces, dots or dashes between them.
func writeDigits(b *strings.Builder, digits []int, rng *rand.Rand) {
	main := rng.IntN(len(digitZero))
	sep := [...]string{" ", ".", "-"}[rng.IntN(3)]
	single := rng.IntN(3) == 0 // 0 9 6 4 7 ... rather than 0096 47 ...
	left := 0                  // digits left in the group
	for i, d := range digits {
		if left == 0 {
			left = 1
			if !single {
				left = min(2+rng.IntN(3), len(digits)-i)
				if len(digits)-i-left == 1 {
					left++ // no group of one at the end
				}
			}
			if i > 0 {
				b.WriteString(sep)
			}
		}
		script := main
		if rng.IntN(5) < 2 {
			script = rng.IntN(len(digitZero))
		}
		b.WriteRune(digitZero[script] + rune(d))
		left--
	}
}
