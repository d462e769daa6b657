// Package extract finds the contact and payment signals that smugglers leave
// in a post: phone numbers (as E.164 with their country), prices with their
// currency, messenger handles and invite links, URLs, GPS coordinates and map
// links, and the post's script profile (Arabic, Persian/Kurdish letters,
// Latin, Arabizi).
//
// Every match carries byte offsets [Start, End) into the ORIGINAL text the
// caller passed, so text[Start:End] is the matched span and a caller can
// highlight it without a second normalisation pass. The scanners are written
// by hand (no regular expressions): each makes one forward pass over the text,
// looks back or ahead only a bounded distance, and so runs in time linear in
// the input, whatever the bytes. Invalid UTF-8 is never an error; it simply
// matches nothing.
//
// Results are plain structs. AppendAll and the Append* functions reuse the
// caller's slices, so a service that keeps one Signals per worker allocates
// nothing per post when a post carries no signal; the only per-match
// allocation is the E.164 string of a phone number that is not written as a
// contiguous "+<digits>" (that string cannot be a substring of the text).
//
// Every function in this package is pure and safe for concurrent use: the
// tables are immutable and no state is shared between calls.
//
// The rules and the reasons for them are documented next to each scanner:
// phone.go and phone_table.go (which national formats are trusted, and why),
// price.go and words.go (currency words, multipliers and slang), handle.go,
// url.go, location.go and script.go.
package extract
