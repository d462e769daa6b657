package extract

import (
	"fmt"
	"testing"
)

type urlCase struct {
	in   string
	want []string // "span|host"
}

func urlStrings(text string, us []URL) []string {
	var out []string
	for _, u := range us {
		if u.URL != text[u.Start:u.End] {
			out = append(out, "URL field differs from span: "+u.URL)
		}
		out = append(out, fmt.Sprintf("%s|%s", text[u.Start:u.End], u.Host))
	}
	return out
}

var urlCases = []urlCase{
	{"https://example.com", []string{"https://example.com|example.com"}},
	{"شوف https://example.com/path.", []string{"https://example.com/path|example.com"}},
	{"http://example.com/a?b=c&d=e#f", []string{"http://example.com/a?b=c&d=e#f|example.com"}},
	{"www.example.com،", []string{"www.example.com|www.example.com"}},
	{"www.example.com/a، وبعدين", []string{"www.example.com/a|www.example.com"}},
	{"bit.ly/abc؟", []string{"bit.ly/abc|bit.ly"}},
	{"الرابط: t.me/abu_x!!", []string{"t.me/abu_x|t.me"}},
	{"(https://en.wikipedia.org/wiki/A_(b))", []string{"https://en.wikipedia.org/wiki/A_(b)|en.wikipedia.org"}},
	{"(https://example.com/x)", []string{"https://example.com/x|example.com"}},
	{"http://t.me/abu_xللتواصل", []string{"http://t.me/abu_x|t.me"}},
	{"facebook.com/groups/مهاجرين_بيلاروسيا للتواصل", []string{"facebook.com/groups/مهاجرين_بيلاروسيا|facebook.com"}},
	{"HTTPS://WWW.Example.COM/X", []string{"HTTPS://WWW.Example.COM/X|www.example.com"}},
	{"https://example.com:8080/x", []string{"https://example.com:8080/x|example.com"}},
	{"https://example.com/x\u200f", []string{"https://example.com/x|example.com"}},
	{"https://example.com/x🔥", []string{"https://example.com/x|example.com"}},
	{"«https://example.com/x»", []string{"https://example.com/x|example.com"}},
	{"https://example.com/a https://example.org/b", []string{"https://example.com/a|example.com", "https://example.org/b|example.org"}},
	{"viber://chat?number=%2B9647700001234", []string{"viber://chat?number=%2B9647700001234|chat"}},
}

// notURLs hold no URL.
var notURLs = []string{
	"example.com", "user@mail.com", "user@mail.com/x", "1.5/2", "e.g/x", "a.b/c", "file.x/y",
	"ftp://example.com", "http://", "https:///x", "http://localhost1", "مرحبا.كوم/x", "..com/x",
	"53.9006,27.5590",
}

func TestURLs(t *testing.T) {
	for _, c := range urlCases {
		got := urlStrings(c.in, AppendURLs(nil, c.in))
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("AppendURLs(%+q)\n got %+q\nwant %+q", c.in, got, c.want)
		}
	}
}

func TestNotURLs(t *testing.T) {
	for _, in := range notURLs {
		if got := AppendURLs(nil, in); len(got) != 0 {
			t.Errorf("AppendURLs(%+q) = %+q, want none", in, urlStrings(in, got))
		}
	}
}
