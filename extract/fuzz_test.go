package extract

import (
	"math"
	"testing"
	"unicode/utf8"
)

// FuzzExtract checks, for any bytes: no panic; every span inside the text,
// non-empty, in text order and not overlapping the previous one of its
// kind; every value valid (E.164 shape, known codes and platforms,
// coordinates in range); the per-kind functions agreeing with Extract; and
// AppendAll on a reused Signals agreeing too.
func FuzzExtract(f *testing.F) {
	for _, in := range allInputs() {
		f.Add(in)
	}
	var reused Signals
	f.Fuzz(func(t *testing.T, text string) {
		s := Extract(text)
		checkSignals(t, text, s)
		AppendAll(&reused, text)
		if !sameSignals(reused, s) {
			t.Errorf("AppendAll on a reused Signals differs from Extract for %+q", text)
		}
		if !sameSlice(AppendPhones(nil, text), s.Phones) || !sameSlice(AppendPrices(nil, text), s.Prices) ||
			!sameSlice(AppendHandles(nil, text), s.Handles) || !sameSlice(AppendURLs(nil, text), s.URLs) ||
			!sameSlice(AppendLocations(nil, text), s.Locations) || Profile(text) != s.Script {
			t.Errorf("a per-kind function differs from Extract for %+q", text)
		}
	})
}

func sameSignals(a, b Signals) bool {
	return sameSlice(a.Phones, b.Phones) && sameSlice(a.Prices, b.Prices) && sameSlice(a.Handles, b.Handles) &&
		sameSlice(a.URLs, b.URLs) && sameSlice(a.Locations, b.Locations) && a.Script == b.Script
}

// checkSpans checks bounds and order of the spans of one kind.
func checkSpans(t *testing.T, kind, text string, spans [][2]int) {
	t.Helper()
	prevEnd := 0
	for _, sp := range spans {
		if sp[0] < prevEnd || sp[0] >= sp[1] || sp[1] > len(text) {
			t.Fatalf("%s span [%d,%d) out of bounds or order (previous end %d, len %d) in %+q",
				kind, sp[0], sp[1], prevEnd, len(text), text)
		}
		prevEnd = sp[1]
	}
}

func checkSignals(t *testing.T, text string, s Signals) {
	t.Helper()
	var spans [][2]int
	for _, p := range s.Phones {
		spans = append(spans, [2]int{p.Start, p.End})
		if !validE164(p.E164) {
			t.Errorf("phone %+v: bad E.164 in %+q", p, text)
		}
		if p.Country != "" && !upper2(p.Country) {
			t.Errorf("phone %+v: bad country in %+q", p, text)
		}
	}
	checkSpans(t, "phone", text, spans)

	spans = spans[:0]
	for _, p := range s.Prices {
		spans = append(spans, [2]int{p.Start, p.End})
		if !(p.Amount > 0) || math.IsInf(p.Amount, 0) || p.Amount > 1e15 {
			t.Errorf("price %+v: bad amount in %+q", p, text)
		}
		if p.Currency != "" && (len(p.Currency) != 3 || !upperN(p.Currency)) {
			t.Errorf("price %+v: bad currency in %+q", p, text)
		}
	}
	checkSpans(t, "price", text, spans)

	spans = spans[:0]
	for _, h := range s.Handles {
		spans = append(spans, [2]int{h.Start, h.End})
		switch h.Platform {
		case "", "telegram", "whatsapp", "facebook", "instagram", "tiktok", "snapchat", "viber", "signal", "imo":
		default:
			t.Errorf("handle %+v: unknown platform in %+q", h, text)
		}
		if h.Handle == "" {
			t.Errorf("handle %+v: empty in %+q", h, text)
		}
	}
	checkSpans(t, "handle", text, spans)

	spans = spans[:0]
	for _, u := range s.URLs {
		spans = append(spans, [2]int{u.Start, u.End})
		if u.Start >= 0 && u.End <= len(text) && u.Start <= u.End && u.URL != text[u.Start:u.End] {
			t.Errorf("url %+v: URL is not the span in %+q", u, text)
		}
		if u.Host == "" {
			t.Errorf("url %+v: empty host in %+q", u, text)
		}
	}
	checkSpans(t, "url", text, spans)

	spans = spans[:0]
	for _, l := range s.Locations {
		spans = append(spans, [2]int{l.Start, l.End})
		if math.Abs(l.Lat) > 90 || math.Abs(l.Lon) > 180 || math.IsNaN(l.Lat) || math.IsNaN(l.Lon) {
			t.Errorf("location %+v: out of range in %+q", l, text)
		}
		switch l.Kind {
		case KindCoords, KindMapLink:
		case KindPin:
			if l.Lat != 0 || l.Lon != 0 {
				t.Errorf("pin %+v has coordinates in %+q", l, text)
			}
		default:
			t.Errorf("location %+v: unknown kind in %+q", l, text)
		}
	}
	checkSpans(t, "location", text, spans)

	sc := s.Script
	if sc.Arabic < 0 || sc.PersianKurdish < 0 || sc.Latin < 0 || sc.Digits < 0 || sc.Other < 0 ||
		sc.Letters()+sc.Digits > utf8.RuneCountInString(text) {
		t.Errorf("script %+v impossible for %+q", sc, text)
	}
}

func validE164(s string) bool {
	if len(s) < 8 || len(s) > 16 || s[0] != '+' || s[1] == '0' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if !isASCIIDigit(s[i]) {
			return false
		}
	}
	return true
}

func upper2(s string) bool { return len(s) == 2 && upperN(s) }

func upperN(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i]-'A' >= 26 {
			return false
		}
	}
	return true
}
