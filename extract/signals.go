package extract

import "encoding/json"

// Phone is a phone number found in a post.
type Phone struct {
	// E164 is the number in E.164 form, "+" and up to 15 digits.
	E164 string `json:"e164"`
	// Country is the ISO 3166-1 alpha-2 region of the number, "" when the
	// country code is not in the table (the number is still reported
	// because it was written with an explicit "+").
	Country string `json:"country"`
	// Start and End delimit the number as written, including its "+" or
	// "00" prefix: text[Start:End].
	Start int `json:"start"`
	End   int `json:"end"`
}

// Price is an amount of money found in a post.
type Price struct {
	// Amount is in units of Currency, multipliers applied ("3 الاف" is 3000,
	// "3 ورقات" is 300).
	Amount float64 `json:"amount"`
	// Currency is the ISO 4217 code, or "" when the post gives only a
	// magnitude after a price cue ("السعر 3 الاف").
	Currency string `json:"currency"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
}

// Handle is a messenger or social-network account, channel or invite.
type Handle struct {
	// Platform is one of telegram, whatsapp, facebook, instagram, tiktok,
	// snapchat, viber, signal, imo, or "" for a bare @name with no platform
	// word before it on its line.
	Platform string `json:"platform"`
	// Handle is the account, channel or invite code as written, without
	// "@" (an invite link's code keeps its "+" when written t.me/+code).
	Handle string `json:"handle"`
	// Start and End cover the @name, or the whole link for a handle found in
	// a link.
	Start int `json:"start"`
	End   int `json:"end"`
}

// URL is a web or messenger link.
type URL struct {
	// URL is the link as written: text[Start:End].
	URL string `json:"url"`
	// Host is the link's host in lower case, as written otherwise ("www."
	// kept); for messenger schemes (viber://chat?…) it is the scheme's
	// action ("chat").
	Host  string `json:"host"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Location is a place shared in a post.
type Location struct {
	// Lat and Lon are decimal degrees; both are 0 for a "pin" and for a
	// "map_link" whose link carries no coordinates (a short link).
	Lat float64 `json:"lat"`
	Lon float64 `json:"lon"`
	// Kind is "coords" (decimal or degrees-minutes-seconds in the text),
	// "map_link" (a maps link) or "pin" (a word or emoji announcing a
	// location: لوكيشن, موقع, location, 📍).
	Kind  string `json:"kind"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Location kinds.
const (
	KindCoords  = "coords"
	KindMapLink = "map_link"
	KindPin     = "pin"
)

// Signals holds everything Extract finds in one post. Each slice is in text
// order, and its spans do not overlap one another.
type Signals struct {
	Phones    []Phone    `json:"phones"`
	Prices    []Price    `json:"prices"`
	Handles   []Handle   `json:"handles"`
	URLs      []URL      `json:"urls"`
	Locations []Location `json:"locations"`
	Script    Script     `json:"script"`
}

// Reset empties s for reuse and keeps the slices' capacity. It clears the
// used elements, so s holds no reference into the previous text.
func (s *Signals) Reset() {
	clear(s.Phones)
	clear(s.Prices)
	clear(s.Handles)
	clear(s.URLs)
	clear(s.Locations)
	s.Phones = s.Phones[:0]
	s.Prices = s.Prices[:0]
	s.Handles = s.Handles[:0]
	s.URLs = s.URLs[:0]
	s.Locations = s.Locations[:0]
	s.Script = Script{}
}

// MarshalJSON writes every array, empty ones as [] rather than null, as
// the output contract of examples/triage requires ("arrays are always
// present").
func (s Signals) MarshalJSON() ([]byte, error) {
	type plain Signals // no MarshalJSON method: no recursion
	p := plain(s)
	if p.Phones == nil {
		p.Phones = []Phone{}
	}
	if p.Prices == nil {
		p.Prices = []Price{}
	}
	if p.Handles == nil {
		p.Handles = []Handle{}
	}
	if p.URLs == nil {
		p.URLs = []URL{}
	}
	if p.Locations == nil {
		p.Locations = []Location{}
	}
	return json.Marshal(p)
}

// Extract finds every signal in text. It is AppendAll into a new Signals; a
// hot loop should keep one Signals and call AppendAll instead. It never
// fails or panics, whatever the bytes, and is safe for concurrent use.
func Extract(text string) Signals {
	var s Signals
	AppendAll(&s, text)
	return s
}

// AppendAll resets dst and fills it with the signals of text, reusing dst's
// slices: once they have grown to a post's needs it allocates nothing, except
// the E164 string of a phone not written as a contiguous "+<digits>". It is
// safe for concurrent use with distinct dst values.
func AppendAll(dst *Signals, text string) {
	dst.Reset()
	sc := scanner{t: text, out: *dst, want: wantAll}
	sc.run()
	*dst = sc.out
	dst.Script = Profile(text)
}

// The per-kind functions below run the same single scan as AppendAll, so
// their results are exactly the matching slice of Extract: every scanner
// claims its spans whether or not its kind is wanted (a coordinate is never
// re-read as a phone because only phones were asked for). Like everything
// in this package they are safe for concurrent use (with distinct dst).

// AppendPhones appends the phone numbers in text to dst and returns the
// extended slice.
func AppendPhones(dst []Phone, text string) []Phone {
	sc := scanner{t: text, want: wantPhones}
	sc.out.Phones = dst
	sc.run()
	return sc.out.Phones
}

// AppendPrices appends the prices in text to dst and returns the extended
// slice.
func AppendPrices(dst []Price, text string) []Price {
	sc := scanner{t: text, want: wantPrices}
	sc.out.Prices = dst
	sc.run()
	return sc.out.Prices
}

// AppendHandles appends the messenger handles and invite links in text to
// dst and returns the extended slice.
func AppendHandles(dst []Handle, text string) []Handle {
	sc := scanner{t: text, want: wantHandles}
	sc.out.Handles = dst
	sc.run()
	return sc.out.Handles
}

// AppendURLs appends the URLs in text to dst and returns the extended slice.
func AppendURLs(dst []URL, text string) []URL {
	sc := scanner{t: text, want: wantURLs}
	sc.out.URLs = dst
	sc.run()
	return sc.out.URLs
}

// AppendLocations appends the coordinates, map links and location pins in
// text to dst and returns the extended slice.
func AppendLocations(dst []Location, text string) []Location {
	sc := scanner{t: text, want: wantLocations}
	sc.out.Locations = dst
	sc.run()
	return sc.out.Locations
}
