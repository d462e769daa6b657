package extract

import (
	"fmt"
	"testing"
)

type locationCase struct {
	in   string
	want []string // "span|kind|lat,lon"
}

func locationStrings(text string, ls []Location) []string {
	var out []string
	for _, l := range ls {
		out = append(out, fmt.Sprintf("%s|%s|%.4f,%.4f", text[l.Start:l.End], l.Kind, l.Lat, l.Lon))
	}
	return out
}

var locationCases = []locationCase{
	// Decimal coordinates in every spelling.
	{"53.9006, 27.5590", []string{"53.9006, 27.5590|coords|53.9006,27.5590"}},
	{"53.9006,27.5590", []string{"53.9006,27.5590|coords|53.9006,27.5590"}},
	{"53.9006 27.5590", []string{"53.9006 27.5590|coords|53.9006,27.5590"}},
	{"٥٣٫٩٠٠٦، ٢٧٫٥٥٩٠", []string{"٥٣٫٩٠٠٦، ٢٧٫٥٥٩٠|coords|53.9006,27.5590"}},
	{"۵۳٫۹۰۰۶,۲۷٫۵۵۹۰", []string{"۵۳٫۹۰۰۶,۲۷٫۵۵۹۰|coords|53.9006,27.5590"}},
	{"النقطة: -33.8688, 151.2093", []string{"-33.8688, 151.2093|coords|-33.8688,151.2093"}},
	{"53.9006°N 27.5590°E", []string{"53.9006°N 27.5590°E|coords|53.9006,27.5590"}},
	{"53.90 N, 27.55 E", []string{"53.90 N, 27.55 E|coords|53.9000,27.5500"}},
	{"27.5590E 53.9006N", []string{"27.5590E 53.9006N|coords|53.9006,27.5590"}},
	{"33.8688 S 151.2093 E", []string{"33.8688 S 151.2093 E|coords|-33.8688,151.2093"}},
	// Degrees, minutes, seconds.
	{"53°54'02\"N 27°33'32\"E", []string{"53°54'02\"N 27°33'32\"E|coords|53.9006,27.5589"}},
	{"53°54′02.2″N, 27°33′32.4″E", []string{"53°54′02.2″N, 27°33′32.4″E|coords|53.9006,27.5590"}},
	{"53º54'N 27º33'E", []string{"53º54'N 27º33'E|coords|53.9000,27.5500"}},
	// Map links.
	{"maps.google.com/?q=53.9006,27.5590", []string{"maps.google.com/?q=53.9006,27.5590|map_link|53.9006,27.5590"}},
	{"https://www.google.com/maps/@53.9006,27.5590,15z", []string{"https://www.google.com/maps/@53.9006,27.5590,15z|map_link|53.9006,27.5590"}},
	{"https://www.google.com/maps?q=53.9006%2C27.5590", []string{"https://www.google.com/maps?q=53.9006%2C27.5590|map_link|53.9006,27.5590"}},
	{"https://www.google.com/maps/place/X/@53.9,27.5,17z/data=!3m1!4b1!8m2!3d53.9006!4d27.5590",
		[]string{"https://www.google.com/maps/place/X/@53.9,27.5,17z/data=!3m1!4b1!8m2!3d53.9006!4d27.5590|map_link|53.9006,27.5590"}},
	{"https://goo.gl/maps/AbC000", []string{"https://goo.gl/maps/AbC000|map_link|0.0000,0.0000"}},
	{"https://maps.app.goo.gl/AbC000", []string{"https://maps.app.goo.gl/AbC000|map_link|0.0000,0.0000"}},
	{"https://maps.apple.com/?ll=53.9006,27.5590", []string{"https://maps.apple.com/?ll=53.9006,27.5590|map_link|53.9006,27.5590"}},
	{"https://waze.com/ul?ll=53.9006,27.5590&navigate=yes", []string{"https://waze.com/ul?ll=53.9006,27.5590&navigate=yes|map_link|53.9006,27.5590"}},
	{"https://www.openstreetmap.org/#map=15/53.9006/27.5590", []string{"https://www.openstreetmap.org/#map=15/53.9006/27.5590|map_link|53.9006,27.5590"}},
	{"https://yandex.ru/maps/?ll=27.5590,53.9006&z=15", []string{"https://yandex.ru/maps/?ll=27.5590,53.9006&z=15|map_link|53.9006,27.5590"}},
	// Pins.
	{"ارسل لوكيشن", []string{"لوكيشن|pin|0.0000,0.0000"}},
	{"اللوكيشن", []string{"اللوكيشن|pin|0.0000,0.0000"}},
	{"باللوكيشن", []string{"باللوكيشن|pin|0.0000,0.0000"}},
	{"لوكيشين", []string{"لوكيشين|pin|0.0000,0.0000"}},
	{"الموقع", []string{"الموقع|pin|0.0000,0.0000"}},
	{"send location", []string{"location|pin|0.0000,0.0000"}},
	{"drop a pin", []string{"pin|pin|0.0000,0.0000"}},
	{"📍 الغابة", []string{"📍|pin|0.0000,0.0000"}},
	{"📍\uFE0F", []string{"📍\uFE0F|pin|0.0000,0.0000"}},
	{"اللوكيشن 53.9006, 27.5590", []string{"اللوكيشن|pin|0.0000,0.0000", "53.9006, 27.5590|coords|53.9006,27.5590"}},
}

// notLocations hold no location.
var notLocations = []string{
	"53.9, 27.5", "53.90, 27.55", "3.1415", "95.0000, 27.0000", "53.0000, 200.0000",
	"1.5 مليون دينار", "2.500, 3.000", "53.9006,27.5590.5", "v1.2345 2.3456", "10:30",
	"53°54'02\" 27°33'32\"", "53°54'02\"N 27°33'32\"N", "مواقع", "pinterest",
	"https://example.com/location/53.9006,27.5590",
}

func TestLocations(t *testing.T) {
	for _, c := range locationCases {
		got := locationStrings(c.in, AppendLocations(nil, c.in))
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("AppendLocations(%+q)\n got %+q\nwant %+q", c.in, got, c.want)
		}
	}
}

func TestNotLocations(t *testing.T) {
	for _, in := range notLocations {
		if got := AppendLocations(nil, in); len(got) != 0 {
			t.Errorf("AppendLocations(%+q) = %+q, want none", in, locationStrings(in, got))
		}
	}
}
