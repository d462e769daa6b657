package extract

import (
	"fmt"
	"testing"
)

// All numbers in these tests are fictional: subscriber parts like 0001234,
// 5550000 and 0000123.

type phoneCase struct {
	in   string
	want []string // "span|e164|country"
}

func phoneStrings(text string, ps []Phone) []string {
	var out []string
	for _, p := range ps {
		out = append(out, fmt.Sprintf("%s|%s|%s", text[p.Start:p.End], p.E164, p.Country))
	}
	return out
}

var phoneCases = []phoneCase{
	// International, "+" and "00", with every separator.
	{"+375 29 000 1234", []string{"+375 29 000 1234|+375290001234|BY"}},
	{"+375290001234", []string{"+375290001234|+375290001234|BY"}},
	{"00375 29 000-12-34", []string{"00375 29 000-12-34|+375290001234|BY"}},
	{"+375 (29) 000-12-34", []string{"+375 (29) 000-12-34|+375290001234|BY"}},
	{"+375.29.000.12.34", []string{"+375.29.000.12.34|+375290001234|BY"}},
	{"+375/29/0001234", []string{"+375/29/0001234|+375290001234|BY"}},
	{"＋375 29 000 1234", []string{"＋375 29 000 1234|+375290001234|BY"}},
	{"+ 375 29 000 1234", []string{"+ 375 29 000 1234|+375290001234|BY"}},
	{"رقمي +48 500 000 123 بولندا", []string{"+48 500 000 123|+48500000123|PL"}},
	{"+370 600 00123", []string{"+370 600 00123|+37060000123|LT"}},
	{"+964 770 000 1234", []string{"+964 770 000 1234|+9647700001234|IQ"}},
	{"+964 0770 000 1234", []string{"+964 0770 000 1234|+9647700001234|IQ"}},
	{"+49 (0)176 0000 1234", []string{"+49 (0)176 0000 1234|+4917600001234|DE"}},
	{"+963 944 000 123", []string{"+963 944 000 123|+963944000123|SY"}},
	{"+90 532 000 12 34", []string{"+90 532 000 12 34|+905320001234|TR"}},
	{"+1 202 555 0000", []string{"+1 202 555 0000|+12025550000|US"}},
	{"+1 416 555 0000", []string{"+1 416 555 0000|+14165550000|CA"}},
	{"+7 900 555 00 00", []string{"+7 900 555 00 00|+79005550000|RU"}},
	{"+7 701 555 0000", []string{"+7 701 555 0000|+77015550000|KZ"}},
	{"+39 06 0000 1234", []string{"+39 06 0000 1234|+390600001234|IT"}},
	{"+998 90 000 1234", []string{"+998 90 000 1234|+998900001234|"}}, // code not in the table
	// Arabic-Indic, Extended Arabic-Indic, fullwidth and mixed digits.
	{"٠٠٩٦٤ ٧٧٠ ٠٠٠ ١٢٣٤", []string{"٠٠٩٦٤ ٧٧٠ ٠٠٠ ١٢٣٤|+9647700001234|IQ"}},
	{"+۳۷۵ ۲۹ ۰۰۰ ۱۲۳۴", []string{"+۳۷۵ ۲۹ ۰۰۰ ۱۲۳۴|+375290001234|BY"}},
	{"+٣٧٥29٠٠٠1234", []string{"+٣٧٥29٠٠٠1234|+375290001234|BY"}},
	{"０７７０ ０００ １２３４", []string{"０７７０ ０００ １２３４|+9647700001234|IQ"}},
	// Invisible characters between digits.
	{"0770\u200e000\u200e1234", []string{"0770\u200e000\u200e1234|+9647700001234|IQ"}},
	{"+375\u200f29\u200d000\u200c1234", []string{"+375\u200f29\u200d000\u200c1234|+375290001234|BY"}},
	{"\u202a+375 29 000 1234\u202c", []string{"+375 29 000 1234|+375290001234|BY"}},
	// RTL editors move the "+" to the end.
	{"واتس 9647700001234+", []string{"9647700001234+|+9647700001234|IQ"}},
	// National formats.
	{"٠٧٧٠ ٠٠٠ ١٢٣٤", []string{"٠٧٧٠ ٠٠٠ ١٢٣٤|+9647700001234|IQ"}},
	{"۰۷۵۰۰۰۰۱۲۳۴", []string{"۰۷۵۰۰۰۰۱۲۳۴|+9647500001234|IQ"}},
	{"07٧0 000 12٣4", []string{"07٧0 000 12٣4|+9647700001234|IQ"}},
	{"(0770) 000 1234", []string{"(0770) 000 1234|+9647700001234|IQ"}},
	{"0770-000-1234", []string{"0770-000-1234|+9647700001234|IQ"}},
	{"0770.000.1234", []string{"0770.000.1234|+9647700001234|IQ"}},
	{"واتساب07700001234", []string{"07700001234|+9647700001234|IQ"}},
	{"0944 000 123", []string{"0944 000 123|+963944000123|SY"}},
	{"0532 000 12 34", []string{"0532 000 12 34|+905320001234|TR"}},
	{"0790 000 123", []string{"0790 000 123|+962790000123|JO"}},
	{"03 000 123", []string{"03 000 123|+9613000123|LB"}},
	{"071 000 123", []string{"071 000 123|+96171000123|LB"}},
	{"0100 000 1234", []string{"0100 000 1234|+201000001234|EG"}},
	{"0176 0000 1234", []string{"0176 0000 1234|+4917600001234|DE"}},
	{"8 029 000 12 34", []string{"8 029 000 12 34|+375290001234|BY"}},
	{"8 900 555 00 00", []string{"8 900 555 00 00|+79005550000|RU"}},
	// Several numbers in one run, and a stray group after one.
	{"0770 000 1234/0780 000 1234", []string{"0770 000 1234|+9647700001234|IQ", "0780 000 1234|+9647800001234|IQ"}},
	{"0770 000 1234 - 0750 000 1234", []string{"0770 000 1234|+9647700001234|IQ", "0750 000 1234|+9647500001234|IQ"}},
	{"0770 000 1234 5", []string{"0770 000 1234|+9647700001234|IQ"}},
	{"5 0770 000 1234", []string{"0770 000 1234|+9647700001234|IQ"}},
	// Links.
	{"https://wa.me/9647700001234", []string{"9647700001234|+9647700001234|IQ"}},
	{"wa.me/+375290001234", []string{"+375290001234|+375290001234|BY"}},
	{"wa.me/07700001234", []string{"07700001234|+9647700001234|IQ"}},
	{"https://api.whatsapp.com/send?phone=375290001234&text=hi", []string{"375290001234|+375290001234|BY"}},
	{"whatsapp://send?phone=905320001234", []string{"905320001234|+905320001234|TR"}},
	{"viber://chat?number=%2B9647700001234", []string{"9647700001234|+9647700001234|IQ"}},
	{"https://signal.me/#p/+375290001234", []string{"+375290001234|+375290001234|BY"}},
	{"t.me/+375290001234", []string{"+375290001234|+375290001234|BY"}},
	{"tel:+375290001234", []string{"+375290001234|+375290001234|BY"}},
	{"tel:07700001234", []string{"07700001234|+9647700001234|IQ"}},
	// Beside a price, in an Arabic sentence.
	{"للحجز ٠٧٧٠٠٠٠١٢٣٤ السعر 5000$", []string{"٠٧٧٠٠٠٠١٢٣٤|+9647700001234|IQ"}},
}

// notPhones are texts that hold no phone number.
var notPhones = []string{
	"5000$", "٣٥٠٠ دولار", "السعر 15000000 دينار", "2021", "سنة ٢٠٢١",
	"2021/11/08", "08/11/2021", "03/11/2021", "08.11.2021", "٢٠٢١/١١/٠٨", "8-11-21",
	"10:30", "الساعة ١٠:٣٠", "53.9006, 27.5590", "53.900612,27.559012",
	"ID12345678901", "12345678901234567890", "رقم الطلب 123456789012345678",
	"1,500,000 دينار", "1.500.000", "2,500.50",
	"375290001234", "9647700001234", // a country code without "+" is not enough
	"050 000 1234", // Saudi or Emirati: ambiguous
	"70 000 123",   // Lebanese without the 0: any 8-digit number
	"+375 29 000 12", "+3752900012345678", "+9647700001234567",
	"https://facebook.com/profile.php?id=100007700001234",
	"https://example.com/07700001234", "07700001234abc", "5+5", "+1 123 555 0000",
	"0770 000", "+", "00", "0",
}

func TestPhones(t *testing.T) {
	for _, c := range phoneCases {
		got := phoneStrings(c.in, AppendPhones(nil, c.in))
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("AppendPhones(%+q)\n got %+q\nwant %+q", c.in, got, c.want)
		}
	}
}

func TestNotPhones(t *testing.T) {
	for _, in := range notPhones {
		if got := AppendPhones(nil, in); len(got) != 0 {
			t.Errorf("AppendPhones(%+q) = %+q, want none", in, phoneStrings(in, got))
		}
	}
}

// TestPhoneE164Substring checks that a contiguous "+<digits>" number is
// returned as a substring of the text (no allocation), and that other forms
// are rebuilt.
func TestPhoneE164Substring(t *testing.T) {
	text := "call +375290001234 now"
	p := AppendPhones(nil, text)
	if len(p) != 1 || !sameString(p[0].E164, text[p[0].Start:p[0].End]) {
		t.Fatalf("E164 %+v is not the text's substring", p)
	}
	buf := make([]Phone, 0, 4)
	allocs := testing.AllocsPerRun(100, func() {
		buf = AppendPhones(buf[:0], text)
	})
	if allocs != 0 {
		t.Errorf("contiguous +number: %v allocations, want 0", allocs)
	}
}

func TestCallingCodesArePrefixFree(t *testing.T) {
	var codes []string
	for n := 0; n < 1000; n++ {
		for _, l := range []int{1, 2, 3} {
			cc := fmt.Sprintf("%0*d", l, n)
			if n >= pow10(l) || (l > 1 && cc[0] == '0') {
				continue
			}
			if region, min, max, ok := callingCode(cc); ok {
				if len(region) != 2 || min < 4 || max < min || len(cc)+max > 15 {
					t.Errorf("callingCode(%q) = %q, %d, %d", cc, region, min, max)
				}
				codes = append(codes, cc)
			}
		}
	}
	for _, a := range codes {
		for _, b := range codes {
			if a != b && len(a) < len(b) && b[:len(a)] == a {
				t.Errorf("calling code %q is a prefix of %q", a, b)
			}
		}
	}
	for _, cc := range []string{"375", "48", "370", "371", "372", "49", "964", "963", "961", "962",
		"90", "7", "380", "98", "20", "218", "216", "212", "213", "966", "971", "965", "974", "968",
		"973", "967", "30", "39", "33", "44", "31", "32", "43", "46", "47", "45", "358", "381",
		"387", "385", "36", "420", "421", "40", "359", "41", "1"} {
		if _, _, _, ok := callingCode(cc); !ok {
			t.Errorf("calling code %q missing", cc)
		}
	}
}

func pow10(n int) int {
	p := 1
	for ; n > 0; n-- {
		p *= 10
	}
	return p
}
