// Package lexicon matches curated term lists against posts: the words
// smugglers, visa agents and border crossers use, and the words of news
// reports about them, each with a category and a weight.
//
// A lexicon is a directory of UTF-8 TSV files, one per category (the file
// name without .tsv), each line term, weight (MinWeight to MaxWeight),
// flags and a note, under the Header line. Terms are normalized exactly
// like posts (package normalize), so a file never needs a spelling that
// differs only by a fold. A term belongs to one category unless
// overlaps.tsv (OverlapsFile) says why it belongs to two. Default is the
// embedded lexicon; LoadDir, LoadFS and Parse read others, and Validate
// and Format serve reviewers of data pull requests: Validate lists every
// bad entry with its file and line.
//
// Matching is leftmost-longest and clitic-aware: a word matches an entry
// after its proclitics (و ف ب ك ل ال وال بال لل …) and, unless the entry
// is flagged NoStem, its pronoun and plural suffixes are stripped, so
// والمهربين matches مهرب. Multi-word entries match as phrases; letters
// spaced out by evaders (م ه ر ب, م.ه.ر.ب) are joined again; Latin words
// match English entries through the English stemmer and Arabic or Arabizi
// entries through their consonant skeleton (mohareb, m7areb). Every Hit
// has byte offsets into the text passed in.
//
// A Lexicon is immutable and safe for concurrent use.
package lexicon
