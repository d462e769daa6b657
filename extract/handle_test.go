package extract

import (
	"fmt"
	"testing"
)

type handleCase struct {
	in   string
	want []string // "span|platform|handle"
}

func handleStrings(text string, hs []Handle) []string {
	var out []string
	for _, h := range hs {
		out = append(out, fmt.Sprintf("%s|%s|%s", text[h.Start:h.End], h.Platform, h.Handle))
	}
	return out
}

var handleCases = []handleCase{
	// Bare @names and the platform word before them on the line.
	{"@abu_x", []string{"@abu_x||abu_x"}},
	{"تواصل @abu_x.", []string{"@abu_x||abu_x"}},
	{"تلغرام @abu_x", []string{"@abu_x|telegram|abu_x"}},
	{"تلي: @abu_x", []string{"@abu_x|telegram|abu_x"}},
	{"عالتلغرام @abu_x", []string{"@abu_x|telegram|abu_x"}},
	{"تلگرام @abu_x", []string{"@abu_x|telegram|abu_x"}},
	{"telegram: @abu_x", []string{"@abu_x|telegram|abu_x"}},
	{"تلغرام\n@abu_x", []string{"@abu_x||abu_x"}},
	{"انستا @abu.x", []string{"@abu.x|instagram|abu.x"}},
	{"تلغرام @abu_x وانستا @abu.y", []string{"@abu_x|telegram|abu_x", "@abu.y|instagram|abu.y"}},
	{"سناب @abu_x", []string{"@abu_x|snapchat|abu_x"}},
	// Links.
	{"t.me/abu_x", []string{"t.me/abu_x|telegram|abu_x"}},
	{"https://t.me/abu_x!", []string{"https://t.me/abu_x|telegram|abu_x"}},
	{"telegram.me/abu_x", []string{"telegram.me/abu_x|telegram|abu_x"}},
	{"https://t.me/s/abu_x", []string{"https://t.me/s/abu_x|telegram|abu_x"}},
	{"t.me/abu_x/123", []string{"t.me/abu_x/123|telegram|abu_x"}},
	{"t.me/joinchat/AAAAAE0000abc", []string{"t.me/joinchat/AAAAAE0000abc|telegram|AAAAAE0000abc"}},
	{"t.me/+AbCd0000", []string{"t.me/+AbCd0000|telegram|+AbCd0000"}},
	{"tg://resolve?domain=abu_x", []string{"tg://resolve?domain=abu_x|telegram|abu_x"}},
	{"https://wa.me/9647700001234", []string{"https://wa.me/9647700001234|whatsapp|9647700001234"}},
	{"https://api.whatsapp.com/send?phone=375290001234", []string{"https://api.whatsapp.com/send?phone=375290001234|whatsapp|375290001234"}},
	{"https://chat.whatsapp.com/AbCdEf0000", []string{"https://chat.whatsapp.com/AbCdEf0000|whatsapp|AbCdEf0000"}},
	{"facebook.com/groups/belarus.route", []string{"facebook.com/groups/belarus.route|facebook|belarus.route"}},
	{"https://www.facebook.com/groups/123456789/", []string{"https://www.facebook.com/groups/123456789/|facebook|123456789"}},
	{"https://m.facebook.com/abu.x", []string{"https://m.facebook.com/abu.x|facebook|abu.x"}},
	{"fb.com/abu.x", []string{"fb.com/abu.x|facebook|abu.x"}},
	{"https://facebook.com/profile.php?id=100000000000001", []string{"https://facebook.com/profile.php?id=100000000000001|facebook|100000000000001"}},
	{"facebook.com/groups/مهاجرين_بيلاروسيا", []string{"facebook.com/groups/مهاجرين_بيلاروسيا|facebook|مهاجرين_بيلاروسيا"}},
	{"m.me/abu.x", []string{"m.me/abu.x|facebook|abu.x"}},
	{"instagram.com/abu.x", []string{"instagram.com/abu.x|instagram|abu.x"}},
	{"https://www.tiktok.com/@abu_x", []string{"https://www.tiktok.com/@abu_x|tiktok|abu_x"}},
	{"snapchat.com/add/abu_x", []string{"snapchat.com/add/abu_x|snapchat|abu_x"}},
	{"https://invite.viber.com/?g2=AQB0000abc", []string{"https://invite.viber.com/?g2=AQB0000abc|viber|AQB0000abc"}},
	{"viber://chat?number=%2B9647700001234", []string{"viber://chat?number=%2B9647700001234|viber|9647700001234"}},
	{"https://signal.group/#CjQKIAbc", []string{"https://signal.group/#CjQKIAbc|signal|CjQKIAbc"}},
	{"https://imo.im/abu_x", []string{"https://imo.im/abu_x|imo|abu_x"}},
}

// notHandles hold no handle.
var notHandles = []string{
	"abu@gmail.com", "@1234", "@a", "a@b", "@", "@_", "https://facebook.com/sharer.php?u=x",
	"https://www.instagram.com/p/AbC000/", "https://t.me/share/url?url=x", "https://example.com/@abu",
	"مرحبا بالجميع", "https://vm.tiktok.com/ZM000abc/",
}

func TestHandles(t *testing.T) {
	for _, c := range handleCases {
		got := handleStrings(c.in, AppendHandles(nil, c.in))
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("AppendHandles(%+q)\n got %+q\nwant %+q", c.in, got, c.want)
		}
	}
}

func TestNotHandles(t *testing.T) {
	for _, in := range notHandles {
		if got := AppendHandles(nil, in); len(got) != 0 {
			t.Errorf("AppendHandles(%+q) = %+q, want none", in, handleStrings(in, got))
		}
	}
}
