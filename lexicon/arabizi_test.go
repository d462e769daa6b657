package lexicon

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestAppendSpellingKey(t *testing.T) {
	for in, want := range map[string]string{
		"feeza": "faza", "fiza": "faza", "FEZAA": "faza", "7dood": "7dad", "7ad": "7ad",
		"m7arreb": "m7arab", "tari2": "tara2", "a-b": "ab", "": "",
	} {
		require.Equal(t, want, string(appendSpellingKey(nil, in)), in)
	}
}

// TestMatchSpelling checks that an Arabizi-flagged entry matches the other
// spellings of its word, with the article and prepositions glued on, in a
// post mostly in Arabic script, and that words whose consonants agree but
// whose vowels do not stay unmatched.
func TestMatchSpelling(t *testing.T) {
	data := Header + "\n" +
		"feeza\t1.5\tarabizi\tvisa, Arabizi\n" +
		"7dood\t1.0\tarabizi\tborders, Arabizi\n" +
		"abu\t0.3\tarabizi\tfather of (too few consonants to match by spelling)\n"
	lex, err := Parse(strings.NewReader(data), "visa.tsv")
	require.NoError(t, err)
	for _, c := range []struct{ in, want string }{
		{"بدي fizaa لمينسك", "visa:feeza=fizaa"},
		{"بدي feezaa بسرعة", "visa:feeza=feezaa"},
		{"وين elfiza والجواز", "visa:feeza=elfiza"},
		{"طلع bfiza ومشي wal7dod", "visa:feeza=bfiza visa:7dood=wal7dod"},
		{"كان 7ad وياي w7ed", ""},      // the skeleton hd is 7dood's, the spelling is not
		{"شلونك ابو علي abi اروح", ""}, // abu has one consonant: exact only
		{"the fizz of a soda", ""},     // not an Arabizi post
	} {
		require.Equal(t, c.want, hitString(c.in, lex.Match(c.in)), c.in)
	}
}
