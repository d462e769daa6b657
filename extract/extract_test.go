package extract

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
)

// arabicPost is a post with no signal: the shape of the bulk of what a
// monitor reads (news, chatter), for the zero-allocation and speed checks.
const arabicPost = `السلام عليكم ورحمة الله وبركاته، يا جماعة الخير اريد اسال عن الوضع بالحدود هذه الايام ` +
	`هل الطريق مفتوح ام مسكر؟ سمعنا ان الجيش البولندي يرجع الناس وان البرد صار قوي بالغابة، ` +
	`الله يحفظ الجميع ويسهل امورهم. نرجو من الاخوة الي عندهم معلومات اكيدة يكتبون بالتعليقات ` +
	`وبدون مبالغة لان الناس تعبت من الاشاعات، وشكرا لكل من يساعد.`

// signalPost carries one signal of each kind, each written in a form that
// needs no allocation (a contiguous "+" phone, a lower-case host).
const signalPost = `للحجز واتساب +375290001234 او تلغرام @abu_x السعر 3500 دولار ` +
	`الرابط https://t.me/abu_x والموقع 53.9006, 27.5590 📍`

// allInputs gathers every table input, for the cross-kind tests and the
// fuzz seeds.
func allInputs() []string {
	var in []string
	for _, c := range phoneCases {
		in = append(in, c.in)
	}
	for _, c := range priceCases {
		in = append(in, c.in)
	}
	for _, c := range handleCases {
		in = append(in, c.in)
	}
	for _, c := range urlCases {
		in = append(in, c.in)
	}
	for _, c := range locationCases {
		in = append(in, c.in)
	}
	in = append(in, notPhones...)
	in = append(in, notPrices...)
	in = append(in, notHandles...)
	in = append(in, notURLs...)
	in = append(in, notLocations...)
	in = append(in, arabicPost, signalPost, "", "\xff", "\xd9", "\xef\xbc", "+\xd9\xa0", "@\xff")
	return in
}

func TestSignalPost(t *testing.T) {
	s := Extract(signalPost)
	got := fmt.Sprintf("%v|%v|%v|%v|%v",
		phoneStrings(signalPost, s.Phones), priceStrings(signalPost, s.Prices),
		handleStrings(signalPost, s.Handles), urlStrings(signalPost, s.URLs),
		locationStrings(signalPost, s.Locations))
	want := "[+375290001234|+375290001234|BY]|[3500 دولار|3500|USD]|" +
		"[@abu_x|telegram|abu_x https://t.me/abu_x|telegram|abu_x]|[https://t.me/abu_x|t.me]|" +
		"[والموقع|pin|0.0000,0.0000 53.9006, 27.5590|coords|53.9006,27.5590 📍|pin|0.0000,0.0000]"
	if got != want {
		t.Errorf("Extract(signalPost)\n got %+q\nwant %+q", got, want)
	}
	if s.Script.Arabic == 0 || s.Script.Latin == 0 || s.Script.Digits == 0 {
		t.Errorf("Script = %+v", s.Script)
	}
}

// TestPerKindMatchesExtract: each Append* function returns exactly the
// matching slice of Extract, because one scan claims spans for all kinds.
func TestPerKindMatchesExtract(t *testing.T) {
	for _, in := range allInputs() {
		s := Extract(in)
		if got := AppendPhones(nil, in); !sameSlice(got, s.Phones) {
			t.Errorf("AppendPhones(%+q) = %+v, Extract has %+v", in, got, s.Phones)
		}
		if got := AppendPrices(nil, in); !sameSlice(got, s.Prices) {
			t.Errorf("AppendPrices(%+q) = %+v, Extract has %+v", in, got, s.Prices)
		}
		if got := AppendHandles(nil, in); !sameSlice(got, s.Handles) {
			t.Errorf("AppendHandles(%+q) = %+v, Extract has %+v", in, got, s.Handles)
		}
		if got := AppendURLs(nil, in); !sameSlice(got, s.URLs) {
			t.Errorf("AppendURLs(%+q) = %+v, Extract has %+v", in, got, s.URLs)
		}
		if got := AppendLocations(nil, in); !sameSlice(got, s.Locations) {
			t.Errorf("AppendLocations(%+q) = %+v, Extract has %+v", in, got, s.Locations)
		}
		if got := Profile(in); got != s.Script {
			t.Errorf("Profile(%+q) = %+v, Extract has %+v", in, got, s.Script)
		}
	}
}

func sameSlice[T any](a, b []T) bool {
	return len(a) == len(b) && (len(a) == 0 || reflect.DeepEqual(a, b))
}

func TestAppendKeepsDst(t *testing.T) {
	prev := []Phone{{E164: "+1", Start: 0, End: 1}}
	got := AppendPhones(prev, "+375 29 000 1234")
	if len(got) != 2 || got[0] != prev[0] || got[1].E164 != "+375290001234" {
		t.Errorf("AppendPhones did not append: %+v", got)
	}
}

// TestAppendAllReuse: AppendAll resets dst, gives what Extract gives, and
// leaves no reference to an earlier text beyond the slices' lengths.
func TestAppendAllReuse(t *testing.T) {
	var dst Signals
	inputs := allInputs()
	for round := 0; round < 2; round++ {
		for _, in := range inputs {
			AppendAll(&dst, in)
			if want := Extract(in); !reflect.DeepEqual(normalize(dst), normalize(want)) {
				t.Fatalf("AppendAll(%+q) = %+v, want %+v", in, dst, want)
			}
			for _, p := range dst.Phones[len(dst.Phones):cap(dst.Phones)] {
				if p != (Phone{}) {
					t.Fatalf("stale phone %+v beyond len after %+q", p, in)
				}
			}
			for _, u := range dst.URLs[len(dst.URLs):cap(dst.URLs)] {
				if u != (URL{}) {
					t.Fatalf("stale URL %+v beyond len after %+q", u, in)
				}
			}
		}
	}
	dst.Reset()
	if len(dst.Phones)+len(dst.Prices)+len(dst.Handles)+len(dst.URLs)+len(dst.Locations) != 0 || dst.Script != (Script{}) {
		t.Errorf("Reset left %+v", dst)
	}
}

// normalize makes empty slices nil, so a reused Signals compares equal to a
// fresh one.
func normalize(s Signals) Signals {
	if len(s.Phones) == 0 {
		s.Phones = nil
	}
	if len(s.Prices) == 0 {
		s.Prices = nil
	}
	if len(s.Handles) == 0 {
		s.Handles = nil
	}
	if len(s.URLs) == 0 {
		s.URLs = nil
	}
	if len(s.Locations) == 0 {
		s.Locations = nil
	}
	return s
}

func TestZeroAllocs(t *testing.T) {
	var dst Signals
	AppendAll(&dst, signalPost) // grow the slices once
	for _, in := range []string{arabicPost, signalPost, "", strings.Repeat(arabicPost, 20)} {
		if n := testing.AllocsPerRun(50, func() { AppendAll(&dst, in) }); n != 0 {
			t.Errorf("AppendAll(%.20q…): %v allocations, want 0", in, n)
		}
	}
	phones := make([]Phone, 0, 8)
	prices := make([]Price, 0, 8)
	handles := make([]Handle, 0, 8)
	urls := make([]URL, 0, 8)
	locs := make([]Location, 0, 8)
	checks := map[string]func(){
		"AppendPhones":    func() { phones = AppendPhones(phones[:0], arabicPost) },
		"AppendPrices":    func() { prices = AppendPrices(prices[:0], arabicPost) },
		"AppendHandles":   func() { handles = AppendHandles(handles[:0], arabicPost) },
		"AppendURLs":      func() { urls = AppendURLs(urls[:0], arabicPost) },
		"AppendLocations": func() { locs = AppendLocations(locs[:0], arabicPost) },
		"Profile":         func() { _ = Profile(arabicPost) },
	}
	for name, f := range checks {
		if n := testing.AllocsPerRun(50, f); n != 0 {
			t.Errorf("%s(arabicPost): %v allocations, want 0", name, n)
		}
	}
}

func TestJSON(t *testing.T) {
	b, err := json.Marshal(Signals{})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"phones":[],"prices":[],"handles":[],"urls":[],"locations":[],` +
		`"script":{"arabic":0,"persian_kurdish":0,"latin":0,"digits":0,"other":0,"arabizi_likely":false}}`
	if string(b) != want {
		t.Errorf("json(Signals{}) = %s\nwant %s", b, want)
	}
	text := "+375 29 000 1234 3500 دولار"
	b, err = json.Marshal(Extract(text))
	if err != nil {
		t.Fatal(err)
	}
	want = `{"phones":[{"e164":"+375290001234","country":"BY","start":0,"end":16}],` +
		`"prices":[{"amount":3500,"currency":"USD","start":17,"end":32}],"handles":[],"urls":[],"locations":[],` +
		`"script":{"arabic":5,"persian_kurdish":0,"latin":0,"digits":16,"other":0,"arabizi_likely":false}}`
	if string(b) != want {
		t.Errorf("json(Extract(%+q)) = %s\nwant %s", text, b, want)
	}
}

// TestConcurrent runs Extract from many goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	inputs := allInputs()
	want := make([]Signals, len(inputs))
	for i, in := range inputs {
		want[i] = Extract(in)
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var dst Signals
			for i, in := range inputs {
				AppendAll(&dst, in)
				if !reflect.DeepEqual(normalize(dst), normalize(want[i])) {
					t.Errorf("concurrent AppendAll(%+q) differs", in)
					return
				}
			}
		}()
	}
	wg.Wait()
}

// TestLinearTime feeds inputs that would make a backtracking or
// re-scanning matcher quadratic. A megabyte takes well under a second
// (BenchmarkWorstCase); the bound is loose for loaded CI machines, and a
// quadratic scan would take hours.
func TestLinearTime(t *testing.T) {
	const size = 1 << 20
	pathological := map[string]string{
		"digits":        strings.Repeat("0", size),
		"digit groups":  strings.Repeat("0 ", size/2),
		"dotted":        strings.Repeat("1.", size/2),
		"host labels":   strings.Repeat("a.", size/2),
		"url path":      "https://example.com/" + strings.Repeat("a", size),
		"close parens":  "https://example.com/x" + strings.Repeat(")", size),
		"at signs":      strings.Repeat("@a", size/2),
		"platform line": "تلغرام " + strings.Repeat("@ab ", size/4),
		"plus":          strings.Repeat("+", size),
		"plus digit":    strings.Repeat("+1", size/2),
		"minus digit":   strings.Repeat("-1", size/2),
		"dollars":       strings.Repeat("$1", size/2),
		"arabic words":  strings.Repeat("الف ", size/8),
		"cue words":     strings.Repeat("السعر ", size/12),
		"coords":        strings.Repeat("53.9006, ", size/9),
		"invisible":     strings.Repeat("0\u200e", size/4),
		"invalid":       strings.Repeat("\xd9", size),
		"arabic digits": strings.Repeat("٠ ", size/3),
		"wa links":      strings.Repeat("wa.me/1 ", size/8),
	}
	for name, in := range pathological {
		start := time.Now()
		var dst Signals
		AppendAll(&dst, in)
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("%s: %v for %d bytes: not linear", name, d, len(in))
		}
	}
}
