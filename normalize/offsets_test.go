package normalize

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestOriginalOffsets(t *testing.T) {
	cases := []struct {
		in       string
		norm     string // a normalized substring to look up
		wantOrig string // the original text it maps to
	}{
		{"قال المُهَرِّبـــين هنا", "المهربين", "المُهَرِّبـــين"},
		{"x ﻣﻬﺮﺏ y", "مهرب", "ﻣﻬﺮﺏ"},
		{"تهرييييب!", "تهريب", "تهرييييب"},
		{"\u200fمهرب\u200f ok", "مهرب", "مهرب\u200f"},
		{"رقم ٠٧٧٠٠٠٠١٢٣٤ فقط", "07700001234", "٠٧٧٠٠٠٠١٢٣٤"},
		{"ڤيزا بيلاروسيا", "فيزا", "ڤيزا"},
		{"a\xffb", "\uFFFD", "\xff"},
		{"ﷺ", "الله", "ﷺ"},
	}
	for _, c := range cases {
		var txt Text
		Default().Text(&txt, c.in)
		i := indexOf(txt.Normalized(), c.norm)
		require.GreaterOrEqual(t, i, 0, "%+q not in %+q", c.norm, txt.Normalized())
		s, e := txt.Original(i, i+len(c.norm))
		require.Equal(t, c.wantOrig, c.in[s:e], "in %+q", c.in)
		if c.wantOrig != "ﷺ" { // a word inside a ligature maps to the whole ligature
			require.Equal(t, String(c.in[s:e]), c.norm, "normalizing the original range of %+q", c.norm)
		}
	}
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func TestOriginalClamps(t *testing.T) {
	var txt Text
	s, e := txt.Original(0, 10) // never normalized
	require.Equal(t, [2]int{0, 0}, [2]int{s, e})
	Default().Text(&txt, "مهرب")
	s, e = txt.Original(-5, 100)
	require.Equal(t, [2]int{0, len("مهرب")}, [2]int{s, e})
	s, e = txt.Original(6, 2)
	require.Equal(t, s, e)
	require.Equal(t, len("مهرب"), txt.OriginalAt(1000))
}

func TestTextReuse(t *testing.T) {
	var txt Text
	Default().Text(&txt, "مُهَرِّب طويل جدا جدا جدا")
	Default().Text(&txt, "أ")
	require.Equal(t, "ا", txt.Normalized())
	require.Equal(t, "أ", txt.Source())
	require.Equal(t, 2, txt.Len())
	require.Equal(t, []byte("ا"), txt.Bytes())
}
