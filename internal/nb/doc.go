// Package nb is a small multinomial naive-Bayes classifier over hashed
// feature ids.
//
// It knows nothing about text: a caller (package classify) turns a post into
// feature ids in [0, buckets) and a label index, and nb counts, smooths,
// scores and saves. Keeping the core generic lets the same code serve any
// label set and any feature scheme, and keeps it small enough to test by
// hand.
//
// The flow is
//
//	Trainer (mutable, sparse counts) ──Model(opts)──► Model (immutable, dense log-likelihoods)
//	     ▲            Merge                              │ WriteTo / ReadModel
//	     └────────── (*Model).Trainer ◄──────────────────┘ (the file keeps counts, not floats)
//
// Choices, and why:
//   - Priors are document counts, log(docs_l/total_docs): a label's share of
//     posts, not of words, so long posts do not inflate their label's prior.
//   - Lidstone smoothing uses ONE global vocabulary size (the number of
//     distinct buckets seen in training, all labels together). Per-label
//     vocabularies would give the label with fewer distinct words a smaller
//     denominator and so a bonus for every unknown word.
//   - Buckets never seen in training are ignored at scoring (they add 0 to
//     every label) instead of being smoothed: an unknown word carries no
//     evidence, and smoothing it would push posts toward the smaller label.
//   - Scores are log-space sums in the order the features are given, over a
//     dense float32 table, so results are deterministic and allocation-free;
//     probabilities come from log-sum-exp, so a 100,000-feature post still
//     gets a decisive, finite distribution instead of underflowing to uniform.
//   - The model file stores counts, not log-likelihoods, so a model can be
//     rebuilt exactly, re-smoothed, or merged with counts from elsewhere.
package nb
