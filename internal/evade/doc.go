// Package evade rewrites posts the ways evaders obfuscate them, for
// robustness tests.
//
// Smugglers who know their posts are filtered write the words a filter looks
// for so that a person still reads them and a naive matcher does not: م ه ر ب,
// م.ه.ر.ب, مـهـرب, تهرييييب, مُهَرِّب, مهرب with invisible characters inside,
// Persian look-alike letters, the phone number in three digit scripts, emojis
// between the words, or the word in Arabizi (mhrb). Tests and benchmarks of
// normalization and matching feed such rewrites to the pipeline and check
// that it undoes them.
//
// # Which words
//
// Evaders obfuscate the words a filter looks for. A Rewriter obfuscates
// every word that matches one of its Keywords and, besides, each other
// Arabic word with probability Rate. The package-level Apply and ApplyAll
// use DefaultRewriter, whose key words (DefaultKeywords) are typical of
// smuggling and visa posts.
//
// A word is a maximal run of Arabic-script letters (U+0621–U+064A and the
// Persian, Urdu and Kurdish letters among U+066E–U+06FF) together with the
// diacritics, tatweel and zero-width characters written inside it. A
// prefix such as و or ال stays attached: والحدود is one word, and it matches
// the key word حدود because matching tries the word with the common
// proclitics (و ف ب ل ك ال and their combinations) taken off. Matching
// compares words after removing diacritics, tatweel and zero-width
// characters, folding each class of look-alike letters (see LookAlikes) to
// one letter and collapsing elongations, so a key word matches however it
// is spelled, including in a post already obfuscated.
//
// # What is kept
//
// Every method keeps the post readable to a person, which is the evader's
// own constraint: letters are only split, stretched, marked or swapped for
// letters that look the same, and nothing is dropped except by Arabizi,
// which rewrites a word in Latin script. Bytes that are not valid UTF-8 are
// copied unchanged and every edit is made of whole characters, so valid
// input gives valid output. No function of this package panics, whatever
// its input.
//
// Results are deterministic for a given seed of the *rand.Rand passed in.
// Everything in this package is safe for concurrent use, provided each
// goroutine passes its own *rand.Rand (a rand.Rand is not).
package evade
