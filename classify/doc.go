// Package classify labels Arabic social-media posts smuggling, visa,
// crossing or other, explains each score, and trains models on labels of
// your own.
//
// A Classifier joins a Model to the Lexicon it was trained with. For each
// post it normalizes the text once (package normalize), matches the
// lexicon (package lexicon), extracts contact and payment signals (package
// extract), hashes words, stems, word pairs, character n-grams, consonant
// skeletons, lexicon hits and signals into features, and scores them with
// a naive-Bayes model whose probabilities are calibrated on held-out
// scores. A post is flagged with its most probable label when that label
// reaches its threshold, chosen by cross-validation for a target
// precision; the negative label (other) is never flagged. Every Result
// carries the lexicon hits and signals with byte offsets into the post,
// and Classify adds the features that pushed the score most.
//
// Default is the embedded model and lexicon. Train, or a Trainer fed post
// by post, builds a model for any label set; Model.WriteTo and ReadModel
// save and load it. A model file records its feature Settings, the
// normalizer version and the lexicon's hash, so a model is never scored
// with features, text folding or terms other than those it was trained
// with: ReadModel and New refuse a mismatch (ErrNormalizerVersion,
// ErrLexiconMismatch) unless told otherwise.
//
// Classifiers and Models are immutable and safe for concurrent use: share
// one. Classification never fails and never panics, whatever the bytes.
// It is a first filter for human review, not a verdict on any person.
package classify
