package normalize

import (
	"fmt"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/require"
)

func tokenString(s string) string {
	var b strings.Builder
	for tok := range Tokens(s) {
		fmt.Fprintf(&b, "%s:%s ", tok.Kind, tok.Text)
	}
	return strings.TrimSpace(b.String())
}

func TestTokens(t *testing.T) {
	cases := []struct{ in, want string }{
		{"", ""},
		{"   \n\t ", ""},
		{"مهرب الي المانيا", "arabic:مهرب arabic:الي arabic:المانيا"},
		{"السعر 3500$ فقط!", "arabic:السعر number:3500 punct:$ arabic:فقط punct:!"},
		{"3,500 و 1.5 و 2021.", "number:3,500 arabic:و number:1.5 arabic:و number:2021 punct:."},
		{"7dood mohareb 3arab", "latin:7dood latin:mohareb latin:3arab"},
		{"visaفيزا", "latin:visa arabic:فيزا"},
		{"راسلني @abu_ali.99 او #تهريب_لالمانيا", "arabic:راسلني handle:@abu_ali.99 arabic:او hashtag:#تهريب_لالمانيا"},
		{"@abu.", "handle:@abu punct:."},
		{"@ و #", "punct:@ arabic:و punct:#"},
		{"https://t.me/abu_x, ok", "url:https://t.me/abu_x punct:, latin:ok"},
		{"t.me/abu_x وكذلك wa.me/375290001234.", "url:t.me/abu_x arabic:وكذلك url:wa.me/375290001234 punct:."},
		{"www.example.com/path?x=1)", "url:www.example.com/path?x=1 punct:)"},
		{"example.com is not a url", "latin:example punct:. latin:com latin:is latin:not latin:a latin:url"},
		{"🇩🇪✈🔥👍🏽", "emoji:🇩🇪 emoji:✈ emoji:🔥 emoji:👍🏽"},
		{"минск café", "other:минск latin:café"},
		{"مُهَرِّب", "arabic:مُهَرِّب"},
		{"a\uFFFDb", "latin:a punct:\uFFFD latin:b"},
		{"١٢٣", "number:١٢٣"},
	}
	for _, c := range cases {
		require.Equal(t, c.want, tokenString(c.in), "Tokens(%+q)", c.in)
	}
}

func TestTokensStopEarly(t *testing.T) {
	n := 0
	for range Tokens("a b c d") {
		n++
		if n == 2 {
			break
		}
	}
	require.Equal(t, 2, n)
	var txt Text
	Default().Text(&txt, "a b c d")
	n = 0
	for range txt.Tokens() {
		n++
		break
	}
	require.Equal(t, 1, n)
}

func TestTextTokensHaveOriginalOffsets(t *testing.T) {
	in := "وَالمُهَرِّبـــين ٣٥٠٠$ @Abu_X"
	var txt Text
	Default().Text(&txt, in)
	var got []string
	for tok := range txt.Tokens() {
		got = append(got, fmt.Sprintf("%s|%s", tok.Text, in[tok.Start:tok.End]))
	}
	require.Equal(t, []string{"والمهربين|وَالمُهَرِّبـــين", "3500|٣٥٠٠", "$|$", "@abu_x|@Abu_X"}, got)
}

func TestKindString(t *testing.T) {
	require.Equal(t, "arabic", KindArabic.String())
	require.Equal(t, "other", KindOther.String())
	require.Equal(t, "invalid", Kind(0).String())
	require.Equal(t, "invalid", Kind(200).String())
}

// TestTokenizerFastPaths backs the tokenizer's shortcuts: no rune from
// U+0100 to U+07FF is white space (skipSpace), no rune of the Arabic block
// is a Latin letter (handles and hashtags), and arabicClass agrees with
// IsArabicLetter and isArabicMark.
func TestTokenizerFastPaths(t *testing.T) {
	for r := rune(0x100); r <= 0x7FF; r++ {
		if unicode.IsSpace(r) {
			t.Errorf("%U is white space", r)
		}
	}
	for r := rune(0x600); r <= 0x6FF; r++ {
		if isLatinLetter(r) || r == '_' || r == '.' {
			t.Errorf("%U is a Latin letter", r)
		}
		s := string(r)
		k := arabicBlockIndex(s, 0)
		if k != int(r-0x600) {
			t.Errorf("arabicBlockIndex(%U) = %d", r, k)
		}
		if got, want := arabicClass[k]&classLetter != 0, IsArabicLetter(r); got != want {
			t.Errorf("%U: letter class %v, IsArabicLetter %v", r, got, want)
		}
		if got, want := arabicClass[k]&classMark != 0, isArabicMark(r); got != want {
			t.Errorf("%U: mark class %v, isArabicMark %v", r, got, want)
		}
	}
}
