package normalize

import "github.com/kljensen/snowball/english"

// EnglishStem returns the Snowball English (Porter2) stem of a Latin token,
// so that the English words of a post meet the lexicon's whatever their
// inflection: "smugglers" and "smuggler" both give "smuggler", "visas"
// gives "visa", "crossing" and "crossed" give "cross". It expects the
// lower-case token of the default normalizer; English stop words ("the",
// "from") are returned unchanged.
//
// Only ASCII is stemmed: a token with any other byte (Arabic, ł, é) is
// returned as is, since Porter2's rules are meaningless for it. Arabizi
// tokens are ASCII and are stemmed like English; callers that want their
// skeleton use AppendArabiziSkeleton on the unstemmed token. EnglishStem is
// deterministic and safe for concurrent use.
func EnglishStem(word string) string {
	for i := 0; i < len(word); i++ {
		if word[i] >= 0x80 {
			return word
		}
	}
	return english.Stem(word, false)
}
