package extract

import (
	"fmt"
	"testing"
)

type priceCase struct {
	in   string
	want []string // "span|amount|currency"
}

func priceStrings(text string, ps []Price) []string {
	var out []string
	for _, p := range ps {
		out = append(out, fmt.Sprintf("%s|%g|%s", text[p.Start:p.End], p.Amount, p.Currency))
	}
	return out
}

var priceCases = []priceCase{
	// Symbols and codes, before and after.
	{"$ 5000", []string{"$ 5000|5000|USD"}},
	{"$5000", []string{"$5000|5000|USD"}},
	{"5000$", []string{"5000$|5000|USD"}},
	{"السعر 5000 $ فقط", []string{"5000 $|5000|USD"}},
	{"€2500", []string{"€2500|2500|EUR"}},
	{"2500€", []string{"2500€|2500|EUR"}},
	{"US$ 500", []string{"US$ 500|500|USD"}},
	{"USD 500", []string{"USD 500|500|USD"}},
	{"500 usd", []string{"500 usd|500|USD"}},
	{"2,500 euro", []string{"2,500 euro|2500|EUR"}},
	{"2.500 €", []string{"2.500 €|2500|EUR"}},
	{"2,500.50 $", []string{"2,500.50 $|2500.5|USD"}},
	{"1.500.000 دينار", []string{"1.500.000 دينار|1.5e+06|IQD"}},
	{"£300", []string{"£300|300|GBP"}},
	{"₺5000", []string{"₺5000|5000|TRY"}},
	// Arabic currency words, digit forms and spellings.
	{"٥٠٠٠ دولار", []string{"٥٠٠٠ دولار|5000|USD"}},
	{"۵۰۰۰ دولار", []string{"۵۰۰۰ دولار|5000|USD"}},
	{"٣٬٥٠٠ دولار", []string{"٣٬٥٠٠ دولار|3500|USD"}},
	{"3500 دولارات", []string{"3500 دولارات|3500|USD"}},
	{"3500 دولا", []string{"3500 دولا|3500|USD"}},
	{"3500 دولاااار", []string{"3500 دولاااار|3500|USD"}},
	{"3500دولار", []string{"3500دولار|3500|USD"}},
	{"3000 يورو", []string{"3000 يورو|3000|EUR"}},
	{"3000 اليورو", []string{"3000 اليورو|3000|EUR"}},
	{"3000 يوروو", []string{"3000 يوروو|3000|EUR"}},
	{"1.5 مليون دينار", []string{"1.5 مليون دينار|1.5e+06|IQD"}},
	{"١٫٥ مليون دينار عراقي", []string{"١٫٥ مليون دينار عراقي|1.5e+06|IQD"}},
	{"250 دينار اردني", []string{"250 دينار اردني|250|JOD"}},
	{"500 ليرة", []string{"500 ليرة|500|SYP"}},
	{"500 لیرة", []string{"500 لیرة|500|SYP"}},
	{"500 ليرة تركية", []string{"500 ليرة تركية|500|TRY"}},
	{"500 الليرة التركية", []string{"500 الليرة التركية|500|TRY"}},
	{"50000 ليرة لبنانية", []string{"50000 ليرة لبنانية|50000|LBP"}},
	{"1000 ل.س", []string{"1000 ل.س|1000|SYP"}},
	{"100 تومان", []string{"100 تومان|1000|IRR"}},
	{"5000 زلوتي", []string{"5000 زلوتي|5000|PLN"}},
	{"300 روبل بيلاروسي", []string{"300 روبل بيلاروسي|300|BYN"}},
	{"50 جنيه مصري", []string{"50 جنيه مصري|50|EGP"}},
	{"200 ريال سعودي", []string{"200 ريال سعودي|200|SAR"}},
	// Multipliers, fractions, spelled-out numbers.
	{"3 الاف دولار", []string{"3 الاف دولار|3000|USD"}},
	{"٣ آلاف دولار", []string{"٣ آلاف دولار|3000|USD"}},
	{"3الاف$", []string{"3الاف$|3000|USD"}},
	{"5k$", []string{"5k$|5000|USD"}},
	{"5 k usd", []string{"5 k usd|5000|USD"}},
	{"3 الاف ونص دولار", []string{"3 الاف ونص دولار|3500|USD"}},
	{"3 الاف و نص يورو", []string{"3 الاف و نص يورو|3500|EUR"}},
	{"الف دولار", []string{"الف دولار|1000|USD"}},
	{"ألف ونص دولار", []string{"ألف ونص دولار|1500|USD"}},
	{"الفين يورو", []string{"الفين يورو|2000|EUR"}},
	{"بالفين دولار", []string{"بالفين دولار|2000|USD"}},
	{"خمسمية دولار", []string{"خمسمية دولار|500|USD"}},
	{"خمس تلاف دولار", []string{"خمس تلاف دولار|5000|USD"}},
	{"عشرين الف دولار", []string{"عشرين الف دولار|20000|USD"}},
	{"5 مية دولار", []string{"5 مية دولار|500|USD"}},
	{"مليون ونص دينار", []string{"مليون ونص دينار|1.5e+06|IQD"}},
	// Slang: ورقة = 100 USD, دفتر = 10,000 USD.
	{"3 ورقات", []string{"3 ورقات|300|USD"}},
	{"٣ ورقات ونص", []string{"٣ ورقات ونص|350|USD"}},
	{"1 ورقة", []string{"1 ورقة|100|USD"}},
	{"2 دفتر", []string{"2 دفتر|20000|USD"}},
	{"دفتر ونص", nil}, // slang needs a number before it
	// Magnitude only, after a price cue.
	{"السعر 3 الاف", []string{"3 الاف|3000|"}},
	{"الفيزا بـ 5 الاف", []string{"5 الاف|5000|"}},
	{"الفيزا ب5 الاف", []string{"5 الاف|5000|"}},
	{"بسعر ١٫٥ مليون", []string{"١٫٥ مليون|1.5e+06|"}},
	{"السعر: الفين", []string{"الفين|2000|"}},
	{"price 5k", []string{"5k|5000|"}},
	// Arabizi.
	{"5000 dolar", []string{"5000 dolar|5000|USD"}},
	{"3 alf dolar", []string{"3 alf dolar|3000|USD"}},
	{"alf dolar", []string{"alf dolar|1000|USD"}},
	{"3 alaf euro", []string{"3 alaf euro|3000|EUR"}},
	// Several in one post.
	{"الفيزا 1850$ والتهريب 3000 يورو", []string{"1850$|1850|USD", "3000 يورو|3000|EUR"}},
}

// notPrices are texts that hold no price.
var notPrices = []string{
	"5000", "٥٠٠٠", "2021", "3 الاف مهاجر", "٣ آلاف مهاجر عالقون", "الف شكر", "ألف مبروك",
	"ورقة", "ورقة الدعوة", "دفتر", "اوراق مطلوبة", "3 كم", "50%", "$", "€", "دولار",
	"+375 29 000 1234", "0770 000 1234", "53.9006, 27.5590", "2021/11/08",
	"5 اشخاص", "ID12345$", "0$", "12345678901234567890$",
}

func TestPrices(t *testing.T) {
	for _, c := range priceCases {
		got := priceStrings(c.in, AppendPrices(nil, c.in))
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("AppendPrices(%+q)\n got %+q\nwant %+q", c.in, got, c.want)
		}
	}
}

func TestNotPrices(t *testing.T) {
	for _, in := range notPrices {
		if got := AppendPrices(nil, in); len(got) != 0 {
			t.Errorf("AppendPrices(%+q) = %+q, want none", in, priceStrings(in, got))
		}
	}
}
