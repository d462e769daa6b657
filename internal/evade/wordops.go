package evade

import (
	"math/rand/v2"
	"strings"
)

// elongate repeats one letter three to seven times, chosen by
// elongateWeight.
func elongate(cl []cluster, rng *rand.Rand) {
	stem := prefixLen(cl)
	total := 0
	for i := range cl {
		total += elongateWeight(cl, stem, i)
	}
	if total == 0 {
		return
	}
	k := rng.IntN(total)
	for i := range cl {
		if k -= elongateWeight(cl, stem, i); k < 0 {
			cl[i].n = 3 + rng.IntN(5)
			return
		}
	}
}

// elongateWeight weighs the letter i of cl for elongation, given the length
// stem of the word's proclitics. Evaders stretch long vowels and the last
// letter most (فيزاااا, مهربببب). The first letter and the proclitics (ال,
// وال, لل ...) are never stretched, nor a letter next to the same letter, so
// that collapsing every run of three or more gives the word back.
func elongateWeight(cl []cluster, stem, i int) int {
	c := cl[i]
	if i == 0 || i < stem || !elongatable(c.base) || c.n > 1 || hasTashkeel(c.marks) ||
		cl[i-1].base == c.base || i+1 < len(cl) && cl[i+1].base == c.base {
		return 0
	}
	if longVowel(c.base) || i == len(cl)-1 {
		return 3
	}
	return 1
}

// The tashkeel Diacritics writes.
const (
	fathatan = "\u064b"
	dammatan = "\u064c"
	kasratan = "\u064d"
	fatha    = "\u064e"
	damma    = "\u064f"
	kasra    = "\u0650"
	shadda   = "\u0651"
	sukun    = "\u0652"
)

// diacritics writes tashkeel on about half the markable letters (and on at
// least one), the way posts that show off piety or dodge filters do.
func diacritics(cl []cluster, rng *rand.Rand) {
	for _, i := range some(rng, len(cl), 0.5, func(i int) bool { return markable(cl, i) }) {
		var mark string
		switch k := rng.IntN(10); {
		case k < 3:
			mark = fatha
		case k < 5:
			mark = damma
		case k < 7:
			mark = kasra
		case k < 8:
			mark = sukun
		case k < 9:
			mark = shadda + [...]string{fatha, damma, kasra}[rng.IntN(3)]
		case i == len(cl)-1:
			mark = [...]string{fathatan, dammatan, kasratan}[rng.IntN(3)]
		default:
			mark = fatha
		}
		cl[i].marks = mark + cl[i].marks
	}
}

// markable reports whether Diacritics may write on letter i of cl: a letter
// without tashkeel, but not alef, alef maksura or hamza.
func markable(cl []cluster, i int) bool {
	switch cl[i].base {
	case 'ا', 'آ', 'ى', 'ء', 'ٱ':
		return false
	}
	return !hasTashkeel(cl[i].marks)
}

// stretchable reports whether a tatweel may follow letter i of cl: it joins
// the letter after it.
func stretchable(cl []cluster, i int) bool {
	return i+1 < len(cl) && joinsLeft(cl[i].base) && joinsRight(cl[i+1].base) &&
		!strings.Contains(cl[i].marks, zwnj)
}

// tatweels puts one to four tatweels between about half the pairs of
// letters that join (and at least one pair).
func tatweels(cl []cluster, rng *rand.Rand) {
	for _, i := range some(rng, len(cl)-1, 0.5, func(i int) bool { return stretchable(cl, i) }) {
		cl[i].marks += strings.Repeat(tatweel, 1+rng.IntN(4))
	}
}

// zeroWidths puts an invisible character between about half the pairs of
// letters (and at least one pair).
func zeroWidths(cl []cluster, rng *rand.Rand) {
	for _, i := range some(rng, len(cl)-1, 0.5, func(int) bool { return true }) {
		cl[i].marks += [...]string{zwnj, zwj, zwsp}[rng.IntN(3)]
	}
}

// prefixLen returns how many letters the proclitics of the word cl (و ف,
// then ب ل ك or لل, then ال) take, or 0 when they would leave fewer than
// two letters.
func prefixLen(cl []cluster) int {
	is := func(i int, r rune) bool { return i < len(cl) && foldLetter(cl[i].base) == r }
	n := 0
	if is(n, 'و') || is(n, 'ف') {
		n++
	}
	if is(n, 'ل') && is(n+1, 'ل') {
		n += 2
	} else {
		if is(n, 'ب') || is(n, 'ل') || is(n, 'ك') {
			n++
		}
		if is(n, 'ا') && is(n+1, 'ل') {
			n += 2
		}
	}
	if len(cl)-n < 2 {
		return 0
	}
	return n
}

// changeable reports whether the word methods of set, or Emojis, can change
// the post at the word cl.
func changeable(cl []cluster, set methodSet) bool {
	if set.has(Arabizi) || set.has(Emojis) ||
		len(cl) > 1 && (set.has(SpaceLetters) || set.has(DotLetters) || set.has(ZeroWidth)) {
		return true
	}
	stem := prefixLen(cl)
	for i := range cl {
		if set.has(LookAlikes) && swappable(cl, i) || set.has(Elongate) && elongateWeight(cl, stem, i) > 0 ||
			set.has(Diacritics) && markable(cl, i) || set.has(Tatweel) && stretchable(cl, i) {
			return true
		}
	}
	return false
}
