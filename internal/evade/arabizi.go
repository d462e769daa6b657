package evade

import (
	"math/rand/v2"
	"strings"
)

// latin is how Arabizi writes a letter: its usual spelling, then others
// seen in posts.
type latin struct {
	main string
	alt  []string
}

// arabizi maps every Arabic letter (U+0621–U+064A) and the common Persian,
// Urdu and Kurdish letters to Latin. Digits stand for the letters Latin
// lacks, by their shapes: 2 ء, 3 ع, 5 خ, 6 ط, 7 ح, 9 ق. و and ي (and ی)
// are written here as vowels; writeArabizi makes them w and y where they
// are consonants.
var arabizi = map[rune]latin{
	'ء': {"2", nil},
	'آ': {"a", []string{"aa", "2a"}},
	'أ': {"2", []string{"a"}}, // a, or 2a, at the start of a word
	'ؤ': {"2", []string{"o"}},
	'إ': {"2", []string{"e"}}, // e or i at the start of a word
	'ئ': {"2", []string{"e"}},
	'ا': {"a", []string{"aa"}},
	'ب': {"b", nil},
	'ة': {"a", []string{"e", "ah", "eh"}},
	'ت': {"t", nil},
	'ث': {"th", []string{"s"}},
	'ج': {"j", []string{"g"}},
	'ح': {"7", []string{"h"}},
	'خ': {"5", []string{"kh", "7'"}},
	'د': {"d", nil},
	'ذ': {"th", []string{"z", "dh"}},
	'ر': {"r", nil},
	'ز': {"z", nil},
	'س': {"s", nil},
	'ش': {"sh", []string{"ch"}},
	'ص': {"s", nil},
	'ض': {"d", []string{"dh"}},
	'ط': {"6", []string{"t"}},
	'ظ': {"z", []string{"dh", "6'"}},
	'ع': {"3", nil},
	'غ': {"gh", []string{"3'"}},
	'ػ': {"g", nil}, // keheh with dots, as گ
	'ؼ': {"g", nil},
	'ؽ': {"i", []string{"e"}}, // Farsi yeh variants, as ي
	'ؾ': {"i", []string{"e"}},
	'ؿ': {"i", []string{"e"}},
	'ف': {"f", nil},
	'ق': {"9", []string{"q"}},
	'ك': {"k", nil},
	'ل': {"l", nil},
	'م': {"m", nil},
	'ن': {"n", nil},
	'ه': {"h", nil},
	'و': {"o", []string{"u", "oo"}},
	'ى': {"a", nil},
	'ي': {"i", []string{"e", "ee"}},
	'ٱ': {"a", nil},
	'پ': {"p", nil},
	'چ': {"ch", nil},
	'ژ': {"zh", []string{"j"}},
	'ڤ': {"v", nil},
	'ڥ': {"v", nil},
	'ڨ': {"g", nil},
	'ک': {"k", nil},
	'گ': {"g", nil},
	'ی': {"i", []string{"e", "ee"}},
	'ې': {"e", nil},
	'ێ': {"e", nil},
	'ے': {"e", nil},
	'ہ': {"h", nil},
	'ھ': {"h", nil},
	'ە': {"e", []string{"a"}},
	'ۀ': {"eh", nil},
	'ۆ': {"o", nil},
	'ۇ': {"u", nil},
	'ۋ': {"v", nil},
	'ٹ': {"t", nil},
	'ڈ': {"d", nil},
	'ڑ': {"r", nil},
	'ڕ': {"r", nil},
	'ں': {"n", nil},
	'ڵ': {"l", nil},
}

// ToArabizi writes the Arabic-script letters of word in Arabizi, the Latin
// script with digits that Arabic speakers type in chats, in lower case;
// everything else in word (Latin, digits, spaces, invalid bytes) is kept.
// Tatweel and zero-width characters are dropped.
//
// The scheme, one spelling a letter (Apply with Arabizi also uses the
// others, in brackets):
//
//	ء ؤ ئ 2 (ؤ o, ئ e)    ب b    ت t    ث th (s)    ج j (g)
//	ح 7 (h)    خ 5 (kh, 7')    د d    ذ th (z, dh)    ر r    ز z
//	س s    ش sh (ch)    ص s    ض d (dh)    ط 6 (t)    ظ z (dh, 6')
//	ع 3    غ gh (3')    ف f    ق 9 (q)    ك ک k    ل l    م m    ن n
//	ه ہ ھ h    ة a (e, ah, eh)    ى a    پ p    چ ch    ژ zh (j)
//	ڤ v    گ g
//
// Vowels are guessed simply. Short vowels are not written in Arabic, so
// they are left out (مهرب → mhrb) unless the word carries tashkeel: fatha
// a, damma u (o), kasra i (e), tanween an un in, sukun nothing, and shadda
// doubles its letter (مُهَرِّب → muharrib). The long vowels are written:
// ا a (aa), آ a (aa, 2a), و o (u, oo), ي ی i (e, ee). و and ي are the
// consonants w and y at the start of a word, after a long vowel, before ا
// or when they carry tashkeel (واتساب → watsab, المانيا → almanya). أ is a
// (2a) and إ is e (i, 2e) at the start of a word, and 2 elsewhere (تأشيرة
// → t2shira).
//
// ToArabizi is safe for concurrent use.
func ToArabizi(word string) string {
	var b strings.Builder
	b.Grow(len(word))
	writeArabizi(&b, word, nil)
	return b.String()
}

// writeArabizi writes s in Arabizi: each letter in its main spelling when
// rng is nil, else in one of its spellings at random (the main one half the
// time).
func writeArabizi(b *strings.Builder, s string, rng *rand.Rand) {
	pick := func(main string, alt ...string) string {
		if rng == nil || len(alt) == 0 || rng.IntN(2) == 0 {
			return main
		}
		return alt[rng.IntN(len(alt))]
	}
	last := 0
	for _, w := range findWords(s) {
		b.WriteString(s[last:w.start])
		last = w.end
		cl := clusters(s[w.start:w.end])
		var prev string    // the spelling of the letter before, for runs of one letter
		prevVowel := false // whether the letter before was written as a vowel
		for i, c := range cl {
			vowel, double := "", false
			for _, r := range c.marks {
				switch r {
				case '\u064e', '\u0670': // fatha, dagger alef
					vowel = "a"
				case '\u064f': // damma
					vowel = pick("u", "o")
				case '\u0650': // kasra
					vowel = pick("i", "e")
				case '\u064b':
					vowel = "an"
				case '\u064c':
					vowel = "un"
				case '\u064d':
					vowel = "in"
				case '\u0651':
					double = true
				}
			}
			consonant := vowel != "" || double || i == 0 || prevVowel ||
				i+1 < len(cl) && cl[i+1].base == 'ا'
			var l string
			switch {
			case i == 0 && len(cl) > 1 && vowel == "" && (c.base == 'ا' || c.base == 'أ' || c.base == 'إ') &&
				(cl[1].base == 'و' || cl[1].base == 'ي' || cl[1].base == 'ی') && cl[1].marks == "":
				// The alef only carries the vowel written next: اوروبا →
				// oroba, ايران → iran.
				prev, prevVowel = "", false
				continue
			case i > 0 && c.base == cl[i-1].base && vowel == "" && !double:
				l = prev // فيزاااا → fizaaaa, not a run of mixed spellings
			case c.base == 'و' && consonant:
				l = "w"
			case (c.base == 'ي' || c.base == 'ی') && consonant:
				l = "y"
			case c.base == 'ا' && i == 0:
				l = pick("a", "e")
			case c.base == 'أ' && i == 0:
				l = pick("a", "2a")
			case c.base == 'إ' && i == 0:
				l = pick("e", "i", "2e")
			default:
				if t, ok := arabizi[c.base]; ok {
					l = pick(t.main, t.alt...)
				} else {
					l = string(c.base) // a rare letter without a Latin spelling
				}
			}
			prev = l
			prevVowel = vowel == "" && !double && (longVowel(c.base) || c.base == 'آ') && l != "w" && l != "y"
			if double {
				l += l
			}
			for range c.n {
				b.WriteString(l)
			}
			b.WriteString(vowel)
		}
	}
	b.WriteString(s[last:])
}
