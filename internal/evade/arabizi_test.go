package evade

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

func TestToArabizi(t *testing.T) {
	tests := []struct{ in, want string }{
		{"مهرب", "mhrb"},
		{"مُهَرِّب", "muharrib"},
		{"تهريب", "thrib"},
		{"فيزا", "fiza"},
		{"فيزاااا", "fizaaaa"},
		{"تأشيرة", "t2shira"},
		{"الحدود", "al7dod"},
		{"واتساب", "watsab"},
		{"بولندا", "bolnda"},
		{"ليتوانيا", "litwanya"},
		{"المانيا", "almanya"},
		{"ألمانيا", "almanya"},
		{"بيلاروسيا", "bilarosya"},
		{"مينسك", "minsk"},
		{"الغابة", "alghaba"},
		{"خروج", "5roj"},
		{"طريق", "6ri9"},
		{"يورو", "yoro"},
		{"عبور", "3bor"},
		{"اوروبا", "oroba"},
		{"أوروبا", "oroba"},
		{"ايران", "iran"},
		{"اوكي", "oki"},
		{"وين", "win"},
		{"إقامة", "e9ama"},
		{"سؤال", "s2al"},
		{"ڤيزا", "viza"},
		{"پاسپورت", "pasport"},
		{"مـهـ\u200cرب", "mhrb"},
		{"visa فيزا 2024", "visa fiza 2024"},
		{"\xffمهرب\xfe", "\xffmhrb\xfe"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := ToArabizi(tt.in); got != tt.want {
			t.Errorf("ToArabizi(%+q) = %+q, want %+q", tt.in, got, tt.want)
		}
	}
}

// TestArabiziTable checks the table over every letter: each Arabic letter
// U+0621–U+064A has a spelling, every spelling is lower-case ASCII, and
// ToArabizi leaves no Arabic letter of the table behind.
func TestArabiziTable(t *testing.T) {
	for r := rune(0x0621); r <= 0x064A; r++ {
		if r == 0x0640 {
			continue
		}
		_, ok := arabizi[r]
		assert.True(t, ok, "%c (%U) has no Arabizi spelling", r, r)
	}
	for r, l := range arabizi {
		assert.True(t, isLetter(r), "%U is not a letter", r)
		for _, s := range append([]string{l.main}, l.alt...) {
			assert.NotEmpty(t, s, "%c", r)
			for _, c := range s {
				assert.True(t, c < utf8.RuneSelf && (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '\''),
					"%c spelled %+q", r, s)
			}
		}
		for _, w := range []string{string(r), "ب" + string(r), "ب" + string(r) + "ب"} {
			out := ToArabizi(w)
			assert.False(t, strings.ContainsFunc(out, isLetter), "ToArabizi(%+q) = %+q", w, out)
		}
	}
}
