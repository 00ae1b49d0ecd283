package harness_test

import (
	"bytes"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/polc-dev/polc/harness"
	"github.com/polc-dev/polc/settle"
)

// The hand-written result writer gives encoding/json's bytes (the form
// every golden was written in) for random results: every field, at every
// depth, set or empty, nil or not, strings that need escaping or not. A
// field added to the result and not to the writer makes it fail. (The
// goldens themselves are checked through it by TestGoldens.)
func TestResultWriterAgrees(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 5))
	check := func(results ...*settle.Result) {
		t.Helper()
		var v any = results
		if len(results) == 1 {
			v = results[0]
		}
		want, err := harness.IndentedJSON(v)
		if err != nil {
			t.Fatal(err)
		}
		got := harness.AppendJSON([]byte("prefix"), results...)
		if !bytes.Equal(got[len("prefix"):], want) {
			t.Fatalf("the writer differs from encoding/json:\n got %s\nwant %s", got[len("prefix"):], want)
		}
	}
	check()
	check(nil)
	check([]*settle.Result{}...)
	check(&settle.Result{})
	check(&settle.Result{}, nil)
	for range 3000 {
		var r settle.Result
		fill(rng, reflect.ValueOf(&r).Elem())
		check(&r)
	}
	var two [2]settle.Result
	fill(rng, reflect.ValueOf(&two).Elem())
	check(&two[0], &two[1])
}

// strings a result may hold: plain, Chinese, and each that encoding/json
// escapes.
var fillStrings = []string{"", "tongnan", "三(六)：低保对象", `"quoted"`, `back\slash`, "tab\tline\nreturn\r", "<a & b>", "\u2028\u2029", "bad \xff utf-8", "ctl \x01\x1f\x7f", "\b\f", "emoji 😀"}

// fill sets every settable field of v, recursively, to a random value or
// to its empty value.
func fill(rng *rand.Rand, v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(fillStrings[rng.IntN(len(fillStrings))])
	case reflect.Bool:
		v.SetBool(rng.IntN(2) == 0)
	case reflect.Int, reflect.Int64:
		switch rng.IntN(3) {
		case 0:
			v.SetInt(0)
		case 1:
			v.SetInt(rng.Int64N(1_000_000_000_000))
		default:
			v.SetInt(-rng.Int64N(1000))
		}
	case reflect.Pointer:
		if rng.IntN(3) == 0 {
			v.SetZero()
			return
		}
		v.Set(reflect.New(v.Type().Elem()))
		fill(rng, v.Elem())
	case reflect.Slice:
		switch rng.IntN(4) {
		case 0:
			v.SetZero()
		case 1:
			v.Set(reflect.MakeSlice(v.Type(), 0, 0))
		default:
			n := 1 + rng.IntN(3)
			v.Set(reflect.MakeSlice(v.Type(), n, n))
			for i := range n {
				fill(rng, v.Index(i))
			}
		}
	case reflect.Array:
		for i := range v.Len() {
			fill(rng, v.Index(i))
		}
	case reflect.Map:
		switch rng.IntN(3) {
		case 0:
			v.SetZero()
		case 1:
			v.Set(reflect.MakeMap(v.Type()))
		default:
			v.Set(reflect.MakeMap(v.Type()))
			for range 1 + rng.IntN(4) {
				k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
				fill(rng, k)
				fill(rng, e)
				v.SetMapIndex(k, e)
			}
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Field(i).CanSet() {
				fill(rng, v.Field(i))
			}
		}
	default:
		panic("fill: no random " + v.Type().String())
	}
}

// Strings are escaped as encoding/json escapes them (HTML escaping off):
// random strings of bytes that need escaping, that are not UTF-8, or
// that are parts of multi-byte characters.
func TestResultWriterEscapes(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	pieces := []string{"a", "Z", " ", `"`, `\`, "/", "<", ">", "&", "\x00", "\x01", "\b", "\f", "\n", "\r", "\t", "\x1f", "\x7f", "\x80", "\xbf", "\xc3", "\xe2", "\xe2\x80", "\u2028", "\u2029", "\u2027", "é", "中", "😀", "\xf0\x9f", "\ufffd", "\ufeff"}
	for range 20000 {
		var b []byte
		for range rng.IntN(8) {
			b = append(b, pieces[rng.IntN(len(pieces))]...)
		}
		r := &settle.Result{Region: string(b), Claims: []settle.ClaimResult{}, Monitoring: []settle.FlagResult{}}
		want, err := harness.IndentedJSON(r)
		if err != nil {
			t.Fatal(err)
		}
		if got := harness.AppendJSON(nil, r); !bytes.Equal(got, want) {
			t.Fatalf("%q:\n got %s\nwant %s", b, got, want)
		}
	}
}
