package extract

import (
	"math"
	"testing"
)

func TestProfileCounts(t *testing.T) {
	cases := []struct {
		in   string
		want Script
	}{
		{"", Script{}},
		{"مرحبا", Script{Arabic: 5}},
		{"مُهَرِّب", Script{Arabic: 4}}, // marks are not letters
		{"تهرييييب", Script{Arabic: 8}},
		{"گچپژ کی", Script{PersianKurdish: 6}},
		{"قچقچي", Script{Arabic: 3, PersianKurdish: 2}},
		{"hello", Script{Latin: 5}},
		{"Ça été", Script{Latin: 5}},
		{"Привет", Script{Other: 6}},
		{"٠١٢ 345 ۶۷ ８", Script{Digits: 9}},
		{"ﻣﺮﺣﺒﺎ", Script{Arabic: 5}}, // presentation forms
		{"\xff\xfe مرحبا \xc0", Script{Arabic: 5}},
		{"abc مرحبا 12", Script{Arabic: 5, Latin: 3, Digits: 2}},
	}
	for _, c := range cases {
		if got := Profile(c.in); got != c.want {
			t.Errorf("Profile(%+q) = %+v, want %+v", c.in, got, c.want)
		}
	}
}

func TestProfileShares(t *testing.T) {
	s := Profile("abc مرحبا گچ 12")
	checks := []struct {
		name      string
		got, want float64
	}{
		{"ArabicShare", s.ArabicShare(), 5.0 / 10},
		{"ArabicScriptShare", s.ArabicScriptShare(), 7.0 / 10},
		{"PersianKurdishShare", s.PersianKurdishShare(), 2.0 / 10},
		{"LatinShare", s.LatinShare(), 3.0 / 10},
		{"OtherShare", s.OtherShare(), 0},
		{"DigitShare", s.DigitShare(), 2.0 / 12},
	}
	for _, c := range checks {
		if math.Abs(c.got-c.want) > 1e-9 {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	if s.Letters() != 10 {
		t.Errorf("Letters = %d, want 10", s.Letters())
	}
	var empty Script
	if empty.ArabicShare() != 0 || empty.DigitShare() != 0 {
		t.Error("shares of an empty profile must be 0")
	}
}

func TestArabizi(t *testing.T) {
	yes := []string{
		"yalla 7abibi",
		"ana bade ro7 3ala almanya",
		"wen el mohareb? ma3ak ra8mo",
		"fi ta7reeb mn belarus la bolanda? ya3ni kam el se3r",
		"Mar7aba shukran",
		"ma3ak bukra", // a short text: one marker is enough…
	}
	no := []string{
		"iPhone 7 Plus 5G",
		"Meet me at 5pm on the 3rd floor",
		"https://t.me/joinchat/AAAAAE7x9Kd3",
		"hello world, how are you",
		"مرحبا yalla 7abibi كيف الحال يا اخي العزيز",
		"3ala", // …but six Latin letters at least
		"@ma3ak_7abibi",
		"The B2B market grew in 2021 and the A380 flew again",
	}
	for _, in := range yes {
		if !Profile(in).ArabiziLikely {
			t.Errorf("Profile(%+q).ArabiziLikely = false, want true", in)
		}
	}
	for _, in := range no {
		if Profile(in).ArabiziLikely {
			t.Errorf("Profile(%+q).ArabiziLikely = true, want false", in)
		}
	}
}

// TestArabicClassExhaustive walks the whole Arabic block and checks that
// every letter is counted exactly once (Arabic or Persian/Kurdish), that
// digits are digits, and that everything else (marks, punctuation, signs) is
// not counted.
func TestArabicClassExhaustive(t *testing.T) {
	for r := rune(0x0600); r <= 0x06FF; r++ {
		c := arabicClass(r)
		isLetter := r >= 0x0620 && r <= 0x064A && r != 0x0640 || r == 0x066E || r == 0x066F ||
			r >= 0x0671 && r <= 0x06D3 || r == 0x06D5 || r == 0x06EE || r == 0x06EF ||
			r >= 0x06FA && r <= 0x06FC || r == 0x06FF
		isDigit := r >= 0x0660 && r <= 0x0669 || r >= 0x06F0 && r <= 0x06F9
		switch {
		case isDigit && c != classDigit:
			t.Errorf("U+%04X %c: class %d, want digit", r, r, c)
		case isLetter && c != classArabic && c != classPersianKurdish:
			t.Errorf("U+%04X %c: class %d, want a letter class", r, r, c)
		case !isLetter && !isDigit && c != classNone:
			t.Errorf("U+%04X %c: class %d, want none", r, r, c)
		}
	}
}
