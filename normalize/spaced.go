package normalize

import "unicode/utf8"

// Evaders split a word's letters with spaces, dots or dashes (م ه ر ب،
// م.ه.ر.ب، م-ه-ر-ب) so that no word of the post is a term. The helpers
// here let the matcher and the classifier find such runs in normalized text
// and read them as one word again. They do not change the normalized text
// itself: a run can span several words (evaders space out two or three in
// a row), and only a term lookup can tell where they break.

// MinSpacedRun is the fewest single letters in a row read as a spaced-out
// word: ordinary text has one-letter words (و, ب) but almost never three
// in a row.
const MinSpacedRun = 3

// SpacedGap reports whether gap, the text between two single-letter
// words, is one separator of the kind evaders put between letters. Two or
// more separators (a wider gap) end the run: evaders who space letters
// usually leave a wider gap between words.
func SpacedGap(gap string) bool {
	r, size := utf8.DecodeRuneInString(gap)
	if size == 0 || size != len(gap) {
		return false
	}
	switch r {
	case ' ', '.', '-', '_', '*', '|', '/', '\\', '+', ',', '~', ':', '•', '·', '=':
		return true
	}
	return false
}

// IsSingleLetter reports whether tok is an Arabic word of one letter.
func IsSingleLetter(tok Token) bool {
	if tok.Kind != KindArabic {
		return false
	}
	_, size := utf8.DecodeRuneInString(tok.Text)
	return size == len(tok.Text)
}
